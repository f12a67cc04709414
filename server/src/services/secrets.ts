import { createHash, randomBytes } from 'node:crypto';

/** Bearer tokens: 32 random bytes, shown once, stored only as their SHA-256. */
export function newToken(): string {
  return `rlt_${randomBytes(32).toString('base64url')}`;
}

/** Dashboard session ids: 32 random bytes too, kept in an HttpOnly cookie, stored hashed. */
export function newSessionId(): string {
  return `rls_${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Crockford base32: no I, L, O or U, so a code read aloud or retyped survives. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An invite code like `7KQ2-M9XD-4HTB` (60 random bits). */
export function newInviteCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte & 31];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What a person typed, back to the canonical code: case, spaces and dashes do not matter. */
export function normalizeInviteCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
