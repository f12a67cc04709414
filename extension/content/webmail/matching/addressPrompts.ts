import type { Send } from '../../../lib/messages';

/**
 * The addresses whose "this address belongs to…" line the person dismissed, remembered by the
 * background: asked once per page, updated when one more is dismissed.
 */
export class AddressPrompts {
  private dismissed = new Set<string>();
  private loading: Promise<void> | null = null;

  constructor(private readonly send: Send) {}

  /** Resolves once the list is known (an unreachable background leaves it empty). */
  ready(): Promise<void> {
    this.loading ??= this.send({ type: 'getDismissedAddresses' }).then(
      ({ dismissed }) => {
        this.dismissed = new Set(dismissed);
      },
      () => undefined,
    );
    return this.loading;
  }

  isDismissed(email: string): boolean {
    return this.dismissed.has(email);
  }

  async dismiss(email: string): Promise<void> {
    this.dismissed.add(email);
    const { dismissed } = await this.send({ type: 'dismissAddressPrompt', email });
    this.dismissed = new Set(dismissed);
  }
}
