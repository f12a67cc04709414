import { uuidv7 } from '@relance/shared';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database } from '../db/open';
import { dashboardSessions, people, teams, tokens } from '../db/schema';
import { IDENTITY_COLUMNS, type Identity, identityOf } from './identity';
import { newSessionId, sha256Hex } from './secrets';

/** A dashboard session lasts this long from sign-in, then the person signs in again. */
export const SESSION_LIFETIME_MS = 7 * 24 * 3600_000;

/** Same shape as `newSessionId()` makes. */
export const SESSION_ID_SHAPE = /^rls_[A-Za-z0-9_-]{43}$/;

/** Opens a session for the person behind `identity`; returns its id in clear (the cookie's value). */
export async function openSession(db: Database, identity: Identity, now: Date = new Date()): Promise<string> {
  const sessionId = newSessionId();
  await db.insert(dashboardSessions).values({
    id: uuidv7(),
    sessionHash: sha256Hex(sessionId),
    teamId: identity.team.id,
    tokenId: identity.tokenId,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  });
  // Now and then, forget sessions long over (they would never be read again).
  if (Math.random() < 0.05) {
    await db
      .delete(dashboardSessions)
      .where(lt(dashboardSessions.expiresAt, new Date(now.getTime() - SESSION_LIFETIME_MS)));
  }
  return sessionId;
}

/** The identity behind a live session: not expired, not signed out, its token not revoked. */
export async function findSession(
  db: Database,
  sessionId: string,
  now: Date = new Date(),
): Promise<Identity | null> {
  if (!SESSION_ID_SHAPE.test(sessionId)) return null;
  const [row] = await db
    .select(IDENTITY_COLUMNS)
    .from(dashboardSessions)
    .innerJoin(tokens, eq(tokens.id, dashboardSessions.tokenId))
    .innerJoin(people, eq(people.id, tokens.personId))
    .innerJoin(teams, eq(teams.id, tokens.teamId))
    .where(
      and(
        eq(dashboardSessions.sessionHash, sha256Hex(sessionId)),
        isNull(dashboardSessions.revokedAt),
        gt(dashboardSessions.expiresAt, now),
        isNull(tokens.revokedAt),
      ),
    )
    .limit(1);
  return row ? identityOf(row) : null;
}

/** Signs a session out; the cookie left in a browser then opens nothing. */
export async function closeSession(db: Database, sessionId: string, now: Date = new Date()): Promise<void> {
  if (!SESSION_ID_SHAPE.test(sessionId)) return;
  await db
    .update(dashboardSessions)
    .set({ revokedAt: now })
    .where(and(eq(dashboardSessions.sessionHash, sha256Hex(sessionId)), isNull(dashboardSessions.revokedAt)));
}
