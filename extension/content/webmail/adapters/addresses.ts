import type { Recipient, RecipientField } from './types';

/**
 * E-mail addresses as webmails print them: a bare address, `Name <address>`, or several of them
 * separated by commas or semicolons (hidden form fields, tooltips, accessible names).
 */
const ADDRESS =
  /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+/g;

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** Every address in a piece of text, lower-cased, in order. */
export function addressesIn(text: string | null | undefined): string[] {
  if (!text) return [];
  return Array.from(text.matchAll(ADDRESS), (m) => normaliseAddress(m[0]));
}

/** The text is exactly one address (what `data-hovercard-id` or `email` hold). */
export function asAddress(text: string | null | undefined): string | null {
  const found = addressesIn(text);
  return found.length === 1 && text!.trim().length === found[0]!.length ? found[0]! : null;
}

const FIELD_NAMES = new Set<RecipientField>(['to', 'cc', 'bcc']);

/** `to`, `cc` or `bcc` when the value is one of them (form field names are not translated). */
export function fieldFromName(name: string | null | undefined): RecipientField | null {
  const lower = name?.trim().toLowerCase() as RecipientField | undefined;
  return lower && FIELD_NAMES.has(lower) ? lower : null;
}

/** Collects recipients in order, the first field seen for an address winning. */
export class RecipientList {
  private readonly byEmail = new Map<string, Recipient>();

  add(email: string, field: RecipientField): void {
    const existing = this.byEmail.get(email);
    if (!existing) this.byEmail.set(email, { email, field });
    else if (existing.field === 'unknown' && field !== 'unknown') existing.field = field;
  }

  toArray(): Recipient[] {
    return [...this.byEmail.values()];
  }
}
