import type { RelanceDb } from '../../db';
import { UserError } from '../../userError';

/** The webmail's "this address belongs to…" line, dismissed per address (kept on this install). */
const MAX_DISMISSED = 500;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export async function dismissedAddresses(db: RelanceDb): Promise<string[]> {
  return (await db.getSetting('addressPrompts'))?.dismissed ?? [];
}

export async function dismissAddressPrompt(db: RelanceDb, email: unknown): Promise<string[]> {
  const address = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (address.length > 320 || !ADDRESS.test(address))
    throw new UserError('invalid-email', 'not an e-mail address');
  const dismissed = (await dismissedAddresses(db)).filter((e) => e !== address);
  dismissed.push(address);
  const kept = dismissed.slice(-MAX_DISMISSED);
  await db.setSetting('addressPrompts', { dismissed: kept });
  return kept;
}
