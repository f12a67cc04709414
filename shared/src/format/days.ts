import type { Language } from '../vocabulary/languages';

export type DaysLateStyle = 'short' | 'long';

/**
 * How late an invoice is, counted from its due date (negative: not yet due).
 *
 * `short`, for badges: French `J+23`, `J-3`, `J0` (J for jour, the usual French notation);
 * English `D+23`, `D-3`, `D0` (same shape, D for day).
 * `long`, for tooltips and sentences: `23 jours de retard`, `échéance dans 3 jours`,
 * `échéance aujourd'hui`; `23 days late`, `due in 3 days`, `due today`.
 */
export function formatDaysLate(days: number, lang: Language, style: DaysLateStyle = 'short'): string {
  if (!Number.isInteger(days)) throw new RangeError(`Days late must be a whole number, got ${days}`);
  if (style === 'short') {
    const sign = days > 0 ? '+' : days < 0 ? '-' : '';
    return `${lang === 'fr' ? 'J' : 'D'}${sign}${Math.abs(days)}`;
  }
  const n = Math.abs(days);
  if (lang === 'fr') {
    const jours = n === 1 ? 'jour' : 'jours';
    if (days > 0) return `${n} ${jours} de retard`;
    if (days < 0) return `échéance dans ${n} ${jours}`;
    return "échéance aujourd'hui";
  }
  const dayWord = n === 1 ? 'day' : 'days';
  if (days > 0) return `${n} ${dayWord} late`;
  if (days < 0) return `due in ${n} ${dayWord}`;
  return 'due today';
}
