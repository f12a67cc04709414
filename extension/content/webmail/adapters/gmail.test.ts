// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture, typeRecipient } from '../testing/fixturePage';
import { gmailAdapter as adapter } from './gmail';

/**
 * The newer Gmail generation (gmail-2024.* fixtures): recipient rows without form names or hidden
 * fields (the field told by the combobox's accessible name), To/Cc/Bcc, several windows at once,
 * full screen, popped out, forward.
 */
const field = (root: Element, name: 'to' | 'cc' | 'bcc') =>
  root.querySelector<HTMLElement>(`input[data-field="${name}"]`)!;

describe.each(['fr', 'en'] as const)('Gmail, newer generation (%s)', (lang) => {
  const name = `gmail-2024.${lang}` as const;

  it('reads To, Cc and Bcc from rows without names, in two popups and a forward at once', () => {
    const page = loadFixture(name);
    const first = page.openCompose();
    const second = page.openCompose();
    const forward = page.openForward!();
    expect(adapter.findComposeRoots(document)).toHaveLength(3);
    expect(first.querySelector('input[type="hidden"][name="to"]')).toBeNull();
    typeRecipient(field(first, 'to'), 'compta@pharmacie-centre.fr');
    typeRecipient(field(first, 'cc'), 'expert@cabinet-comptable.fr');
    typeRecipient(field(first, 'bcc'), 'archive@atelier-dupont.fr');
    typeRecipient(field(second, 'to'), 'contact@garage-dupont.fr');
    expect(adapter.recipients(first)).toEqual([
      { email: 'compta@pharmacie-centre.fr', field: 'to' },
      { email: 'expert@cabinet-comptable.fr', field: 'cc' },
      { email: 'archive@atelier-dupont.fr', field: 'bcc' },
    ]);
    expect(adapter.recipients(second)).toEqual([{ email: 'contact@garage-dupont.fr', field: 'to' }]);
    const forwardRoot = adapter
      .findComposeRoots(document)
      .find((r) => forward.contains(r) || r.contains(forward))!;
    // The quoted sender in the forwarded message is not a recipient.
    expect(adapter.recipients(forwardRoot)).toEqual([]);
    typeRecipient(field(forwardRoot, 'to'), 'compta@pharmacie-centre.fr');
    expect(adapter.recipients(forwardRoot)).toEqual([{ email: 'compta@pharmacie-centre.fr', field: 'to' }]);
    for (const root of adapter.findComposeRoots(document)) expect(adapter.problems(root)).toEqual([]);
  });

  it('keeps the same window in full screen, and finds the popped-out one', () => {
    const page = loadFixture(name);
    const compose = page.openCompose();
    typeRecipient(field(compose, 'to'), 'compta@pharmacie-centre.fr');
    page.toFullscreen!(compose);
    expect(adapter.findComposeRoots(document)).toEqual([compose]);
    expect(adapter.recipients(compose)).toEqual([{ email: 'compta@pharmacie-centre.fr', field: 'to' }]);

    const again = loadFixture(name);
    const popout = again.openPopout!();
    const [root] = adapter.findComposeRoots(document);
    expect(root === popout || popout.contains(root!) || root!.contains(popout)).toBe(true);
    typeRecipient(field(root!, 'cc'), 'compta@pharmacie-centre.fr');
    expect(adapter.recipients(root!)).toEqual([{ email: 'compta@pharmacie-centre.fr', field: 'cc' }]);
    const send = Array.from(root!.querySelectorAll('[role="button"]')).filter((b) =>
      adapter.isSendControl(b, root!),
    );
    expect(send).toHaveLength(1);
  });

  it('names what is missing when the send button changed', () => {
    const page = loadFixture(name);
    const compose = page.openCompose();
    for (const b of Array.from(compose.querySelectorAll('.aoO'))) b.classList.remove('aoO');
    for (const cell of Array.from(compose.querySelectorAll('.gU.Up'))) cell.classList.remove('Up');
    const [root] = adapter.findComposeRoots(document);
    expect(adapter.problems(root!)).toEqual(['send']);
  });
});
