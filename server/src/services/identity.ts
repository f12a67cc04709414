import type { PersonInfo, TeamInfo } from '@relance/shared';

/** Who is calling: resolved from the bearer token, never from what the request claims. */
export interface Identity {
  tokenId: string;
  team: TeamInfo;
  person: PersonInfo;
}
