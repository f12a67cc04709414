import { plainText } from '@relance/shared';
import { z } from 'zod';
import type { RelanceDb } from '../../db';
import type { PersonProfile } from '../../messages';
import { describeIssues, UserError } from '../../userError';

/**
 * This person's own details (options → My profile), kept on this install only: each reminder is
 * signed by the person who sends it, not by the team's owner.
 */
const profileSchema = z.object({
  name: plainText(200).default(''),
  role: plainText(200).default(''),
  phone: plainText(60).default(''),
  email: z.union([z.literal(''), z.string().max(320).email()]).default(''),
});

export async function getProfile(db: RelanceDb): Promise<PersonProfile> {
  return profileSchema.parse((await db.getSetting('profile')) ?? {});
}

export async function saveProfile(db: RelanceDb, input: PersonProfile): Promise<PersonProfile> {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) throw new UserError('invalid-profile', describeIssues(parsed.error));
  const profile = { ...parsed.data, name: parsed.data.name.trim(), role: parsed.data.role.trim() };
  await db.setSetting('profile', profile);
  return profile;
}

/** Who signs: the profile's name, else the account's, else the team's sender name. */
export async function signerOf(
  db: RelanceDb,
  fallbackName: string,
): Promise<{ personId?: string; name: string; role?: string; phone?: string; email?: string }> {
  const [profile, account] = await Promise.all([getProfile(db), db.getState('account')]);
  return {
    ...(account ? { personId: account.person.id } : {}),
    name: profile.name || account?.person.name || fallbackName,
    ...(profile.role ? { role: profile.role } : {}),
    ...(profile.phone ? { phone: profile.phone } : {}),
    ...(profile.email ? { email: profile.email } : {}),
  };
}
