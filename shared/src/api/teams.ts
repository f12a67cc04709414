import { z } from 'zod';
import { plainText, uuid } from '../schemas/common';
import { INVITE_ROLES, ROLES } from './roles';

/**
 * Requests and answers of the team API (`/api/v1/teams`, `/join`, `/me`, `/people`, `/invites`,
 * `/tokens`): the server validates with them and the extension reads its answers with them.
 */

/** A team's or a person's name as typed: trimmed, 1–100 characters, storable. */
export const personOrTeamName = z.string().trim().pipe(plainText(100).min(1, 'required'));

export const createTeamBody = z.object({ teamName: personOrTeamName, personName: personOrTeamName });
export const joinBody = z.object({
  code: z.string().trim().pipe(plainText(40).min(4)),
  personName: personOrTeamName,
});
export const inviteBody = z.object({ role: z.enum(INVITE_ROLES).optional() });
export const setRoleBody = z.object({ role: z.enum(ROLES) });
export const renameTeamBody = z.object({ name: personOrTeamName });
export const handOverBody = z.object({ personId: uuid });
export const idParam = z.object({ id: uuid });

export const teamInfo = z.object({ id: z.string(), name: z.string() });
export type TeamInfo = z.infer<typeof teamInfo>;
export const personInfo = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });
export type PersonInfo = z.infer<typeof personInfo>;

/** Creating a team, joining one, or a re-issued token: the token is shown this once only. */
export const membershipAnswer = z.object({ team: teamInfo, person: personInfo, token: z.string().min(1) });
export type Membership = z.infer<typeof membershipAnswer>;
export const meAnswer = z.object({ team: teamInfo, person: personInfo });
export type MeAnswer = z.infer<typeof meAnswer>;

export const teamAnswer = z.object({ team: teamInfo });
export const personAnswer = z.object({ person: personInfo });
export const revokedAnswer = z.object({ person: personInfo, revoked: z.number().int() });
/** A hand-over: the new owner, and the former one (now a lead). */
export const handOverAnswer = z.object({ owner: personInfo, formerOwner: personInfo });

export const peopleAnswer = z.object({ people: z.array(personInfo.extend({ createdAt: z.string() })) });

/** A new invite code, shown this once (only its hash is kept). */
export const inviteAnswer = z.object({
  id: z.string(),
  code: z.string(),
  role: z.enum(INVITE_ROLES),
  expiresAt: z.string(),
});
export type InviteAnswer = z.infer<typeof inviteAnswer>;

/** An invite not used, revoked or expired yet; its code cannot be shown again. */
export const pendingInvite = z.object({
  id: z.string(),
  role: z.enum(INVITE_ROLES),
  createdAt: z.string(),
  expiresAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type PendingInvite = z.infer<typeof pendingInvite>;
export const pendingInvitesAnswer = z.object({ invites: z.array(pendingInvite) });
