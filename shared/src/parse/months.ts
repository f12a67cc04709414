/**
 * Month names and abbreviations, French and English, in lower case without accents (see
 * `foldCase`), with any trailing abbreviation point removed. The two languages never give the same
 * word two meanings, so one table serves both.
 */
const NAMES: [month: number, names: string[]][] = [
  [1, ['janvier', 'janv', 'jan', 'january']],
  [2, ['fevrier', 'fevr', 'fev', 'feb', 'febr', 'february']],
  [3, ['mars', 'mar', 'march']],
  [4, ['avril', 'avr', 'apr', 'april']],
  [5, ['mai', 'may']],
  [6, ['juin', 'jun', 'june']],
  [7, ['juillet', 'juil', 'jul', 'july']],
  [8, ['aout', 'aug', 'august']],
  [9, ['septembre', 'sept', 'sep', 'september']],
  [10, ['octobre', 'oct', 'october']],
  [11, ['novembre', 'nov', 'november']],
  [12, ['decembre', 'dec', 'december']],
];

const MONTHS = new Map(NAMES.flatMap(([month, names]) => names.map((name) => [name, month] as const)));

/** 1-12 for a folded month word (`mars`, `fevr`, `sept`, `march`), or undefined. */
export function monthFromWord(word: string): number | undefined {
  return MONTHS.get(word.replace(/\.$/, ''));
}

/** Weekday names a date may start with ("jeudi 12 mars 2026", "Thu, Mar 12, 2026"). */
export const WEEKDAYS = new Set([
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'lun',
  'mer',
  'jeu',
  'ven',
  'sam',
  'dim',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
]);
