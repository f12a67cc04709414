import type { Role } from '../db/schema';

export interface TeamInfo {
  id: string;
  name: string;
}

export interface PersonInfo {
  id: string;
  name: string;
  role: Role;
}

/** Who is calling: resolved from the bearer token, never from what the request claims. */
export interface Identity {
  tokenId: string;
  team: TeamInfo;
  person: PersonInfo;
}

/** What creating a team or joining one hands back; the token is shown this once only. */
export interface Membership {
  team: TeamInfo;
  person: PersonInfo;
  token: string;
}
