/**
 * The same client is written "ACME S.A.R.L.", "Acme SARL" or "ACMÉ  sarl" on different pages; this
 * key makes them one client (case, accents, dots and extra spaces do not count).
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,;:'’"«»()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
