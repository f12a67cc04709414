import { z } from 'zod';
import { language, shortText } from './common';
import { jurisdiction } from './records';
import { DEFAULT_SCHEDULE, schedule, stageId } from './stage';

export const template = z.object({ subject: z.string().max(500), body: z.string().max(20_000) });
export type Template = z.infer<typeof template>;

/** Per-language, per-stage template overrides; missing ones fall back to the defaults. */
export const templateSet = z.partialRecord(language, z.partialRecord(stageId, template));
export type TemplateSet = z.infer<typeof templateSet>;

export const teamSettings = z.object({
  schedule: schedule.default(DEFAULT_SCHEDULE),
  templates: templateSet.default({}),
  /** A teammate's reminder within this many days triggers a warning. */
  quietPeriodDays: z.number().int().min(0).max(90).default(5),
  jurisdiction: jurisdiction.default('FR'),
  language: language.default('fr'),
  companyName: shortText.default(''),
  senderName: shortText.default(''),
  /** Shown in letters (formal notice). */
  companyAddress: z.string().max(1000).default(''),
});
export type TeamSettings = z.infer<typeof teamSettings>;
