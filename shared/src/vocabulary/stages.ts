/**
 * The dunning stages, from amicable to judicial (docs/architecture.md#the-rules-the-code-computes). This order is
 * what "firmer" means everywhere: the policy, the popup, the compose panel and the dashboard.
 */
export const STAGE_IDS = [
  'courtesy',
  'reminder-1',
  'reminder-2',
  'payment-plan',
  'formal-notice',
  'legal',
] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** What a badge shows besides a stage: before the first stage's day, paid (or closed), paused. */
export const BADGE_STATES = ['none', 'paid', 'paused'] as const;
export type BadgeState = (typeof BADGE_STATES)[number];
export type BadgeStage = StageId | BadgeState;
export const BADGE_STAGES: readonly BadgeStage[] = [...STAGE_IDS, ...BADGE_STATES];

export function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && (STAGE_IDS as readonly string[]).includes(value);
}

/** 0 for `courtesy` up to 5 for `legal`; -1 for anything that is not a stage. */
export function stageRank(stage: string | null | undefined): number {
  return stage ? (STAGE_IDS as readonly string[]).indexOf(stage) : -1;
}

/** The firmest of the stages given (the latest in STAGE_IDS), or null when there is none. */
export function firmestStage(stages: Iterable<StageId | null | undefined>): StageId | null {
  let firmest: StageId | null = null;
  for (const stage of stages) if (stage && stageRank(stage) > stageRank(firmest)) firmest = stage;
  return firmest;
}

/** A formal notice customarily leaves 8 days to pay: its deadline when it gave none. */
export const FORMAL_NOTICE_DEADLINE_DAYS = 8;
