import { parseArgs } from 'node:util';
import { INVITE_ROLES, type InviteRole, ROLES, type Role } from '@relance/shared';
import type { Database } from '../db/open';
import { ServiceError } from '../services/errors';
import { createInvite, joinTeam } from '../services/invites';
import { getPerson, listPeople, setRole } from '../services/people';
import { createTeam, listTeams } from '../services/teams';
import { revokePersonTokens } from '../services/tokens';

export const USAGE = `Usage: pnpm --filter @relance/server cli <command> [options]

  create-team --team <team name> --name <owner's name>   a team and its owner; prints the owner's token
  invite --team <team id> [--role member|lead]           a single-use invite code, valid 7 days
  join --code <invite code> --name <person's name>       joins a team; prints the new person's token
  list-teams                                             every team on this server
  list-people --team <team id>                           a team's people and roles
  set-role --team <team id> --person <person id> --role owner|lead|member
  revoke --team <team id> --person <person id>           signs a person out everywhere (revokes all tokens)

The database is the server's: DATABASE_URL, or PGlite in RELANCE_DATA_DIR (stop the server first: PGlite
allows one process at a time).`;

/** Where the CLI writes; tests capture it. */
export interface Output {
  log(line: string): void;
}

/** Runs one CLI command on the database; returns the process exit code. */
export async function runCommand(db: Database, argv: string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      team: { type: 'string' },
      name: { type: 'string' },
      code: { type: 'string' },
      role: { type: 'string' },
      person: { type: 'string' },
    },
    strict: true,
  });
  const need = (key: keyof typeof values): string => {
    const value = values[key]?.trim();
    if (!value) throw new UsageError(`${command}: --${key} is required`);
    return value;
  };

  try {
    switch (command) {
      case 'create-team': {
        const { team, person, token } = await createTeam(db, {
          teamName: need('team'),
          personName: need('name'),
        });
        out.log(`team    ${team.id}  ${team.name}`);
        out.log(`owner   ${person.id}  ${person.name}`);
        out.log(`token   ${token}`);
        out.log('Keep the token: it is shown this once.');
        return 0;
      }
      case 'invite': {
        const role = (values.role ?? 'member') as InviteRole;
        if (!INVITE_ROLES.includes(role)) throw new UsageError('invite: --role is member or lead');
        const invite = await createInvite(db, { teamId: need('team'), role });
        out.log(`code    ${invite.code}`);
        out.log(`role    ${invite.role}`);
        out.log(`expires ${invite.expiresAt} (single use)`);
        return 0;
      }
      case 'join': {
        const { team, person, token } = await joinTeam(db, { code: need('code'), personName: need('name') });
        out.log(`team    ${team.id}  ${team.name}`);
        out.log(`person  ${person.id}  ${person.name} (${person.role})`);
        out.log(`token   ${token}`);
        return 0;
      }
      case 'list-teams': {
        for (const team of await listTeams(db)) out.log(`${team.id}  ${team.name}`);
        return 0;
      }
      case 'list-people': {
        for (const p of await listPeople(db, need('team')))
          out.log(`${p.id}  ${p.role.padEnd(6)}  ${p.name}`);
        return 0;
      }
      case 'set-role': {
        const role = need('role') as Role;
        if (!ROLES.includes(role)) throw new UsageError('set-role: --role is owner, lead or member');
        const person = await setRole(db, need('team'), need('person'), role);
        out.log(`${person.id}  ${person.role}  ${person.name}`);
        return 0;
      }
      case 'revoke': {
        const teamId = need('team');
        const person = await getPerson(db, teamId, need('person'));
        const count = await revokePersonTokens(db, teamId, person.id);
        out.log(`revoked ${count} token(s) of ${person.name}`);
        return 0;
      }
      default:
        throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      out.log(error.message);
      out.log(USAGE);
      return 2;
    }
    if (error instanceof ServiceError) {
      out.log(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

class UsageError extends Error {}
