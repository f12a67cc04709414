export { formatDate, formatDateLong } from './date';
export { type DaysLateStyle, formatDaysLate } from './days';
export { type ActivityWords, capitalise, describeActivity } from './describeActivity';
export {
  ACTIVITY_LABELS,
  activityLabel,
  CHANNEL_LABELS,
  channelLabel,
  LEGAL_ACTION_LABELS,
  STAGE_LABELS,
  stageLabel,
} from './labels';
export { formatMoney, formatPercent, minorUnitDigits, minorUnitsToDecimal } from './money';
export { formatCount, pluralForm } from './plural';
export {
  createTranslator,
  interpolate,
  type MessageCatalog,
  type MessageParams,
  type Messages,
  type Translator,
} from './translator';
