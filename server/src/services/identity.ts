import type { PersonInfo, TeamInfo } from '@relance/shared';
import { people, teams, tokens } from '../db/schema';

/** Who is calling: resolved from the bearer token, never from what the request claims. */
export interface Identity {
  tokenId: string;
  team: TeamInfo;
  person: PersonInfo;
}

/** The columns an identity is read from, joined from a token to its person and team. */
export const IDENTITY_COLUMNS = {
  tokenId: tokens.id,
  teamId: teams.id,
  teamName: teams.name,
  personId: people.id,
  personName: people.name,
  role: people.role,
};

type IdentityRow = {
  tokenId: string;
  teamId: string;
  teamName: string;
  personId: string;
  personName: string;
  role: PersonInfo['role'];
};

export function identityOf(row: IdentityRow): Identity {
  return {
    tokenId: row.tokenId,
    team: { id: row.teamId, name: row.teamName },
    person: { id: row.personId, name: row.personName, role: row.role },
  };
}
