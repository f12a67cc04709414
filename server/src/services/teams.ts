import type { Membership, TeamInfo } from '@relance/shared';
import { uuidv7 } from '@relance/shared';
import { asc } from 'drizzle-orm';
import type { Database } from '../db/open';
import { people, teams } from '../db/schema';
import { issueToken } from './tokens';

/** A new team with its first person, the owner, and the owner's token. */
export async function createTeam(
  db: Database,
  input: { teamName: string; personName: string },
): Promise<Membership> {
  return db.transaction(async (tx) => {
    const team = { id: uuidv7(), name: input.teamName };
    const person = { id: uuidv7(), name: input.personName, role: 'owner' as const };
    await tx.insert(teams).values(team);
    await tx.insert(people).values({ ...person, teamId: team.id });
    const token = await issueToken(tx, team.id, person.id);
    return { team, person, token };
  });
}

/** Every team on this server (for the self-hoster's CLI, never exposed over HTTP). */
export async function listTeams(db: Database): Promise<(TeamInfo & { createdAt: Date })[]> {
  return db
    .select({ id: teams.id, name: teams.name, createdAt: teams.createdAt })
    .from(teams)
    .orderBy(asc(teams.createdAt));
}
