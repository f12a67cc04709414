import { uuidv7 } from '@relance/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/open';
import { people, teams, tokens } from '../db/schema';
import { ServiceError } from './errors';
import { IDENTITY_COLUMNS, type Identity, identityOf } from './identity';
import { newToken, sha256Hex } from './secrets';

/** Makes a token for a person; returns it in clear (the only time it exists in clear). */
export async function issueToken(db: Database, teamId: string, personId: string): Promise<string> {
  const token = newToken();
  await db.insert(tokens).values({ id: uuidv7(), teamId, personId, tokenHash: sha256Hex(token) });
  return token;
}

/** The identity behind a token, or null when the token is unknown or revoked. */
export async function authenticate(db: Database, token: string): Promise<Identity | null> {
  const [row] = await db
    .select(IDENTITY_COLUMNS)
    .from(tokens)
    .innerJoin(people, eq(people.id, tokens.personId))
    .innerJoin(teams, eq(teams.id, tokens.teamId))
    .where(and(eq(tokens.tokenHash, sha256Hex(token)), isNull(tokens.revokedAt)))
    .limit(1);
  return row ? identityOf(row) : null;
}

export async function revokeToken(db: Database, tokenId: string): Promise<void> {
  await db
    .update(tokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(tokens.id, tokenId), isNull(tokens.revokedAt)));
}

/** Signs a person out everywhere; returns how many live tokens were revoked. */
export async function revokePersonTokens(db: Database, teamId: string, personId: string): Promise<number> {
  const revoked = await db
    .update(tokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(tokens.teamId, teamId), eq(tokens.personId, personId), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id });
  return revoked.length;
}

/**
 * A new token for the caller, and the one used to ask revoked, in one transaction: for a token
 * that may have leaked. The dashboard sessions opened with the old token end with it.
 */
export async function reissueToken(db: Database, identity: Identity): Promise<string> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(tokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(tokens.id, identity.tokenId), isNull(tokens.revokedAt)))
      .returning({ id: tokens.id });
    if (revoked.length === 0) throw new ServiceError(401, 'unauthorized', 'this token was revoked meanwhile');
    return issueToken(tx as unknown as Database, identity.team.id, identity.person.id);
  });
}
