export {
  compareHlc,
  createHlc,
  formatHlc,
  HlcError,
  type HlcTimestamp,
  type HybridLogicalClock,
  MAX_REMOTE_DRIFT_MS,
  parseHlc,
} from './hlc';
