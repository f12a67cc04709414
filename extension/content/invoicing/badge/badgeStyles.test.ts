import { BADGE_STAGES } from '@relance/shared/vocabulary';
import { describe, expect, it } from 'vitest';
import {
  DETAILS_BACKGROUND,
  DETAILS_MUTED_COLOUR,
  DETAILS_TEXT_COLOUR,
  STAGE_COLOURS,
  STAGE_TEXT_COLOUR,
} from './badgeStyles';
import { contrastRatio } from './contrast';

describe('contrastRatio', () => {
  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // The colours the badge used before: below AA with white text.
    expect(contrastRatio('#ffffff', '#d97706')).toBeCloseTo(3.19, 1);
    expect(contrastRatio('#ea580c', '#ffffff')).toBeCloseTo(3.56, 1);
    expect(() => contrastRatio('red', '#fff')).toThrow(RangeError);
  });
});

describe('badge colours', () => {
  it.each(BADGE_STAGES)('the text of stage %s reads at 4.5:1 or more', (stage) => {
    expect(contrastRatio(STAGE_TEXT_COLOUR, STAGE_COLOURS[stage])).toBeGreaterThanOrEqual(4.5);
  });

  it('the popover reads at 4.5:1 or more', () => {
    expect(contrastRatio(DETAILS_TEXT_COLOUR, DETAILS_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(DETAILS_MUTED_COLOUR, DETAILS_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });
});
