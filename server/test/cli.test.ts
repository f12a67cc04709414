import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/commands';
import { authenticate } from '../src/services/tokens';
import { client, drivers, openContext, type TestContext } from './support/context';

describe.each(drivers())('CLI commands ($name)', (driver) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openContext(driver);
  });
  afterAll(() => ctx.close());

  async function cli(...argv: string[]) {
    const lines: string[] = [];
    const code = await runCommand(ctx.db, argv, { log: (line) => lines.push(line) });
    const field = (name: string) => lines.find((l) => l.startsWith(`${name} `))?.split(/\s+/)[1];
    return { code, lines, field };
  }

  it('creates a team, invites, joins, lists, changes a role and revokes, as the API would', async () => {
    const created = await cli('create-team', '--team', 'Plomberie Dubois', '--name', 'Marc');
    expect(created.code).toBe(0);
    const teamId = created.field('team')!;
    const ownerToken = created.field('token')!;
    const me = await client(ctx.app, ownerToken).get('/api/v1/me');
    expect(await me.json()).toMatchObject({
      team: { id: teamId, name: 'Plomberie Dubois' },
      person: { name: 'Marc', role: 'owner' },
    });

    const invite = await cli('invite', '--team', teamId, '--role', 'lead');
    expect(invite.code).toBe(0);
    const joined = await cli('join', '--code', invite.field('code')!, '--name', 'Sonia');
    expect(joined.code).toBe(0);
    const soniaId = joined.field('person')!;
    expect((await authenticate(ctx.db, joined.field('token')!))?.person).toEqual({
      id: soniaId,
      name: 'Sonia',
      role: 'lead',
    });

    const listed = await cli('list-people', '--team', teamId);
    expect(listed.lines).toEqual([
      expect.stringMatching(/owner\s+Marc$/),
      expect.stringMatching(/lead\s+Sonia$/),
    ]);
    expect((await cli('list-teams')).lines.some((l) => l === `${teamId}  Plomberie Dubois`)).toBe(true);

    expect((await cli('set-role', '--team', teamId, '--person', soniaId, '--role', 'member')).code).toBe(0);
    expect((await authenticate(ctx.db, joined.field('token')!))?.person.role).toBe('member');
    const revoked = await cli('revoke', '--team', teamId, '--person', soniaId);
    expect(revoked.lines).toEqual(['revoked 1 token(s) of Sonia']);
    expect(await authenticate(ctx.db, joined.field('token')!)).toBeNull();
  });

  it('explains usage mistakes and refusals with a non-zero exit code', async () => {
    expect((await cli('explode')).code).toBe(2);
    expect((await cli('create-team', '--team', 'No owner')).lines[0]).toBe('create-team: --name is required');
    expect(
      (await cli('invite', '--team', '0190d3a2-7b1c-7cc1-8b00-000000000001', '--role', 'owner')).code,
    ).toBe(2);
    const refused = await cli('join', '--code', 'ZZZZ-ZZZZ-ZZZZ', '--name', 'X');
    expect(refused).toMatchObject({ code: 1, lines: [expect.stringMatching(/^invalid_invite/)] });
  });
});
