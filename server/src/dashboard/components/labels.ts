import {
  ACTIVITY_LABELS,
  type ActivityType,
  type BadgeStage,
  capitalise,
  STAGE_LABELS,
} from '@relance/shared';
import type { AgeBucketId } from '../figures/ageBuckets';
import type { MessageKey, T } from '../i18n/messages';

export function bucketLabel(t: T, bucket: AgeBucketId): string {
  return t(`bucket_${bucket}` as MessageKey);
}

// Stored data was validated, but a value a later version added must still show, as written.
export function stageName(t: T, stage: BadgeStage): string {
  return capitalise(STAGE_LABELS[t.lang][stage] ?? stage);
}

export function typeName(t: T, type: ActivityType | 'note'): string {
  return capitalise(type === 'note' ? t('typeNote') : (ACTIVITY_LABELS[t.lang][type] ?? type));
}
