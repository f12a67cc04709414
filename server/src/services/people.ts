import type { PersonInfo, Role } from '@relance/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { people } from '../db/schema';
import { ServiceError } from './errors';

export interface PersonListing extends PersonInfo {
  createdAt: string;
}

export async function listPeople(db: Database, teamId: string): Promise<PersonListing[]> {
  const rows = await db
    .select({ id: people.id, name: people.name, role: people.role, createdAt: people.createdAt })
    .from(people)
    .where(eq(people.teamId, teamId))
    .orderBy(asc(people.createdAt), asc(people.name));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** A person of this team, or a 404 (a person of another team is as unknown as one that never existed). */
export async function getPerson(db: Database, teamId: string, personId: string): Promise<PersonInfo> {
  const [row] = await db
    .select({ id: people.id, name: people.name, role: people.role })
    .from(people)
    .where(and(eq(people.teamId, teamId), eq(people.id, personId)));
  if (!row) throw new ServiceError(404, 'not_found', 'no such person in this team');
  return row;
}

/** Changes a role; a team always keeps at least one owner. */
export async function setRole(
  db: Database,
  teamId: string,
  personId: string,
  role: Role,
): Promise<PersonInfo> {
  return db.transaction(async (tx) => {
    // Lock the team's people so two demotions at once cannot leave it without an owner.
    const members = await tx
      .select({ id: people.id, name: people.name, role: people.role })
      .from(people)
      .where(eq(people.teamId, teamId))
      .for('update');
    const person = members.find((m) => m.id === personId);
    if (!person) throw new ServiceError(404, 'not_found', 'no such person in this team');
    const owners = members.filter((m) => m.role === 'owner');
    if (person.role === 'owner' && role !== 'owner' && owners.length === 1) {
      throw new ServiceError(
        409,
        'last_owner',
        'a team keeps at least one owner: make someone else owner first',
      );
    }
    await tx
      .update(people)
      .set({ role })
      .where(and(eq(people.teamId, teamId), eq(people.id, personId)));
    return { ...person, role };
  });
}
