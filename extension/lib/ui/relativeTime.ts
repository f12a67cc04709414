import type { Language } from '@relance/shared';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "il y a 3 minutes", "dans 2 heures", "à l'instant" / "3 minutes ago", "now". */
export function relativeTime(at: number, now: number, lang: Language): string {
  const format = new Intl.RelativeTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { numeric: 'auto' });
  const diff = at - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'second');
}
