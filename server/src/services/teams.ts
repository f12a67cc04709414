import type { Membership, TeamInfo } from '@relance/shared';
import { uuidv7 } from '@relance/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { people, teams } from '../db/schema';
import { ServiceError } from './errors';
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

export async function renameTeam(db: Database, teamId: string, name: string): Promise<TeamInfo> {
  const [team] = await db
    .update(teams)
    .set({ name })
    .where(eq(teams.id, teamId))
    .returning({ id: teams.id, name: teams.name });
  if (!team) throw new ServiceError(404, 'not_found', 'no such team');
  return team;
}

/**
 * The owner hands the team over: the other person becomes owner and the former owner a lead, in
 * one transaction with the team's people locked, so the team is never left without an owner.
 */
export async function handOver(db: Database, teamId: string, fromId: string, toId: string) {
  if (fromId === toId) throw new ServiceError(400, 'invalid_request', 'hand the team over to someone else');
  return db.transaction(async (tx) => {
    const members = await tx
      .select({ id: people.id, name: people.name, role: people.role })
      .from(people)
      .where(eq(people.teamId, teamId))
      .for('update');
    const from = members.find((m) => m.id === fromId);
    const to = members.find((m) => m.id === toId);
    if (!to) throw new ServiceError(404, 'not_found', 'no such person in this team');
    if (from?.role !== 'owner')
      throw new ServiceError(403, 'forbidden_role', 'only an owner may hand the team over');
    await tx
      .update(people)
      .set({ role: 'owner' })
      .where(and(eq(people.teamId, teamId), eq(people.id, toId)));
    await tx
      .update(people)
      .set({ role: 'lead' })
      .where(and(eq(people.teamId, teamId), eq(people.id, fromId)));
    return { owner: { ...to, role: 'owner' as const }, formerOwner: { ...from, role: 'lead' as const } };
  });
}
