export { formatDate, formatDateLong } from './date';
export { type DaysLateStyle, formatDaysLate } from './days';
export {
  ACTIVITY_LABELS,
  activityLabel,
  CHANNEL_LABELS,
  channelLabel,
  STAGE_LABELS,
  stageLabel,
} from './labels';
export { formatMoney, formatPercent, minorUnitDigits, minorUnitsToDecimal } from './money';
export {
  createTranslator,
  interpolate,
  type MessageCatalog,
  type MessageParams,
  type Messages,
  type Translator,
} from './translator';
