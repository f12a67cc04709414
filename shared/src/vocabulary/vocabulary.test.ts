import { describe, expect, it } from 'vitest';
import { activity } from '../schemas/activity';
import { badgeStage, channel, stageId } from '../schemas/stage';
import {
  ACTIVITY_TYPES,
  BADGE_STAGES,
  CHANNELS,
  firmestStage,
  isIsoDate,
  isStageId,
  STAGE_IDS,
  stageRank,
} from '.';

describe('stages', () => {
  it('ranks stages from courtesy to legal, anything else below', () => {
    expect(STAGE_IDS.map(stageRank)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stageRank('paid')).toBe(-1);
    expect(stageRank(null)).toBe(-1);
  });

  it('finds the firmest stage whatever the order, ignoring empty entries', () => {
    expect(firmestStage(['reminder-2', null, 'formal-notice', 'reminder-1'])).toBe('formal-notice');
    expect(firmestStage(['legal', 'courtesy'])).toBe('legal');
    expect(firmestStage([null, undefined])).toBeNull();
    expect(firmestStage([])).toBeNull();
  });

  it('tells stage ids from badge states', () => {
    expect(isStageId('payment-plan')).toBe(true);
    expect(isStageId('paused')).toBe(false);
    expect(isStageId(3)).toBe(false);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2026-12-01')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('01/12/2026')).toBe(false);
    expect(isIsoDate(20261201)).toBe(false);
  });
});

describe('the zod schemas are built from the vocabulary', () => {
  it('names the same values', () => {
    expect(stageId.options).toEqual([...STAGE_IDS]);
    expect(badgeStage.options.flatMap((o) => o.options)).toEqual([...BADGE_STAGES]);
    expect(channel.options).toEqual([...CHANNELS]);
    expect(activity.options.map((o) => o.shape.type.value)).toEqual([...ACTIVITY_TYPES]);
  });
});
