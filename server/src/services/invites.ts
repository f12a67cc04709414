import {
  type InviteAnswer,
  type InviteRole,
  type Membership,
  type PendingInvite,
  uuidv7,
} from '@relance/shared';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/open';
import { invites, people, teams } from '../db/schema';
import { ServiceError } from './errors';
import { newInviteCode, normalizeInviteCode, sha256Hex } from './secrets';
import { issueToken } from './tokens';

/** Invite codes are single-use and expire after this long, whichever comes first. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export async function createInvite(
  db: Database,
  input: { teamId: string; role?: InviteRole; createdBy?: string; ttlMs?: number; now?: Date },
): Promise<InviteAnswer> {
  const code = newInviteCode();
  const role = input.role ?? 'member';
  const expiresAt = new Date((input.now ?? new Date()).getTime() + (input.ttlMs ?? INVITE_TTL_MS));
  const id = uuidv7();
  await db.insert(invites).values({
    id,
    teamId: input.teamId,
    codeHash: sha256Hex(normalizeInviteCode(code)),
    role,
    createdBy: input.createdBy ?? null,
    expiresAt,
  });
  return { id, code, role, expiresAt: expiresAt.toISOString() };
}

/** Uses up an invite code: a new person in the code's team, with the code's role, and their token. */
export async function joinTeam(
  db: Database,
  input: { code: string; personName: string; now?: Date },
): Promise<Membership> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const personId = uuidv7();
    // One conditional UPDATE claims the code, so two people racing for it cannot both get in.
    const [claimed] = await tx
      .update(invites)
      .set({ usedAt: now })
      .where(
        and(
          eq(invites.codeHash, sha256Hex(normalizeInviteCode(input.code))),
          isNull(invites.usedAt),
          gt(invites.expiresAt, now),
        ),
      )
      .returning({ id: invites.id, teamId: invites.teamId, role: invites.role });
    if (!claimed)
      throw new ServiceError(400, 'invalid_invite', 'this invite code is unknown, used or expired');
    const [team] = await tx
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(eq(teams.id, claimed.teamId));
    if (!team) throw new ServiceError(400, 'invalid_invite', 'this invite code is unknown, used or expired');
    const person = { id: personId, name: input.personName, role: claimed.role };
    await tx.insert(people).values({ ...person, teamId: team.id });
    await tx.update(invites).set({ usedBy: personId }).where(eq(invites.id, claimed.id));
    const token = await issueToken(tx, team.id, personId);
    return { team, person, token };
  });
}

/** The team's invites still waiting to be used (their codes cannot be shown again: only hashes are kept). */
export async function listPendingInvites(
  db: Database,
  teamId: string,
  now: Date = new Date(),
): Promise<PendingInvite[]> {
  const rows = await db
    .select({
      id: invites.id,
      role: invites.role,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      creatorId: people.id,
      creatorName: people.name,
    })
    .from(invites)
    .leftJoin(people, eq(people.id, invites.createdBy))
    .where(and(eq(invites.teamId, teamId), isNull(invites.usedAt), gt(invites.expiresAt, now)))
    .orderBy(asc(invites.createdAt));
  return rows.map((r) => ({
    id: r.id,
    role: r.role as InviteRole,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    createdBy: r.creatorId && r.creatorName !== null ? { id: r.creatorId, name: r.creatorName } : null,
  }));
}

/** Revokes a pending invite of the team (it expires now); 404 when there is no such pending invite. */
export async function revokeInvite(db: Database, teamId: string, inviteId: string, now: Date = new Date()) {
  const revoked = await db
    .update(invites)
    .set({ expiresAt: now })
    .where(
      and(
        eq(invites.teamId, teamId),
        eq(invites.id, inviteId),
        isNull(invites.usedAt),
        gt(invites.expiresAt, now),
      ),
    )
    .returning({ id: invites.id });
  if (revoked.length === 0) throw new ServiceError(404, 'not_found', 'no such pending invite in this team');
}
