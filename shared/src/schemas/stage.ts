import { z } from 'zod';
import { CHANNELS } from '../vocabulary/channels';
import { BADGE_STATES, STAGE_IDS } from '../vocabulary/stages';

export type { Channel } from '../vocabulary/channels';
export { type BadgeStage, STAGE_IDS, type StageId } from '../vocabulary/stages';

/** Dunning stages, from amicable to judicial (vocabulary/stages.ts). */
export const stageId = z.enum(STAGE_IDS);

/** What the badge shows: a stage, or a state outside the schedule. */
export const badgeStage = z.union([stageId, z.enum(BADGE_STATES)]);

export const channel = z.enum(CHANNELS);

export const scheduleStep = z.object({
  stage: stageId,
  /** Days from the due date (negative: before it). */
  offsetDays: z.number().int().min(-365).max(3650),
  channel: z.array(channel).min(1),
  enabled: z.boolean().default(true),
});
export type ScheduleStep = z.infer<typeof scheduleStep>;

export const schedule = z
  .array(scheduleStep)
  .min(1)
  .refine((steps) => new Set(steps.map((s) => s.stage)).size === steps.length, 'each stage appears once')
  .refine(
    (steps) => steps.every((s, i) => i === 0 || steps[i - 1]!.offsetDays < s.offsetDays),
    'stages must be in increasing order of days',
  );
export type Schedule = z.infer<typeof schedule>;

export const DEFAULT_SCHEDULE: Schedule = [
  { stage: 'courtesy', offsetDays: -3, channel: ['email'], enabled: true },
  { stage: 'reminder-1', offsetDays: 7, channel: ['email', 'phone'], enabled: true },
  { stage: 'reminder-2', offsetDays: 15, channel: ['email', 'letter'], enabled: true },
  { stage: 'payment-plan', offsetDays: 30, channel: ['email', 'phone'], enabled: true },
  { stage: 'formal-notice', offsetDays: 45, channel: ['registered-letter'], enabled: true },
  { stage: 'legal', offsetDays: 60, channel: ['other'], enabled: true },
];
