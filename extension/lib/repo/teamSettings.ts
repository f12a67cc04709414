import { type TeamSettings, teamSettings as teamSettingsSchema } from '@relance/shared';
import type { RelanceDb } from '../db';
import { describeIssues, UserError } from '../userError';
import { nextHlc } from './clock';
import type { RepoContext } from './context';
import { settingsChange } from './documents';
import { enqueue } from './outbox';

/** Until an install has joined a team, its settings document waits under this id (see sync/push.ts). */
const NOT_YET_A_TEAM = '00000000-0000-0000-0000-000000000000';

/** The team's settings, or the defaults (the schedule of docs/architecture.md#the-rules-the-code-computes, French) before any were saved. */
export async function getTeamSettings(db: RelanceDb): Promise<TeamSettings> {
  return (await db.getSetting('team'))?.data ?? teamSettingsSchema.parse({});
}

export async function saveTeamSettings(ctx: RepoContext, input: TeamSettings): Promise<TeamSettings> {
  const { db } = ctx;
  const parsed = teamSettingsSchema.safeParse(input);
  if (!parsed.success) throw new UserError('invalid-settings', describeIssues(parsed.error));
  const data = parsed.data;
  const account = await db.getState('account');
  if (account && !['owner', 'lead'].includes(account.person.role)) {
    throw new UserError('settings-not-allowed', 'only an owner or a lead can change team settings');
  }
  const teamId = account?.team.id ?? NOT_YET_A_TEAM;
  await db.transaction('rw', db.settings, db.outbox, db.syncState, async () => {
    const hlc = await nextHlc(db, ctx.now);
    await db.setSetting('team', { hlc, data });
    await enqueue(db, settingsChange(teamId, hlc, data), ctx.now());
  });
  return data;
}
