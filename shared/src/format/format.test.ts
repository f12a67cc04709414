import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../schemas/activity';
import { badgeStage, channel } from '../schemas/stage';
import { formatDate, formatDateLong } from './date';
import { formatDaysLate } from './days';
import { ACTIVITY_LABELS, activityLabel, CHANNEL_LABELS, STAGE_LABELS, stageLabel } from './labels';
import { formatMoney, formatPercent, minorUnitDigits, minorUnitsToDecimal } from './money';
import { createTranslator, interpolate } from './translator';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
/** For readable expectations: any no-break space as a plain space. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('writes French amounts with no-break spaces', () => {
    expect(formatMoney(123456, 'EUR', 'fr')).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(plain(formatMoney(123456789, 'EUR', 'fr'))).toBe('1 234 567,89 €');
    expect(plain(formatMoney(7000, 'EUR', 'fr'))).toBe('70,00 €');
    expect(plain(formatMoney(-1200, 'EUR', 'fr'))).toBe('-12,00 €');
  });

  it('writes English amounts with the symbol first', () => {
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(99, 'USD', 'en')).toBe('$0.99');
    expect(formatMoney(7000, 'GBP', 'en')).toBe('£70.00');
    expect(formatMoney(0, 'EUR', 'en')).toBe('€0.00');
  });

  it('is exact for cents that floats cannot hold', () => {
    // 0.29 * 100 !== 29 in floating point; large sums lose cents as floats.
    expect(formatMoney(29, 'EUR', 'en')).toBe('€0.29');
    expect(formatMoney(900719925474099, 'EUR', 'en')).toBe('€9,007,199,254,740.99');
    expect(formatMoney(1, 'EUR', 'en')).toBe('€0.01');
  });

  it('uses each currency minor units', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
    expect(plain(formatMoney(1234, 'CHF', 'fr'))).toBe('12,34 CHF');
  });

  it('refuses fractional cents and unknown currencies', () => {
    expect(() => formatMoney(12.5, 'EUR', 'fr')).toThrow(/whole number of cents/);
    expect(() => formatMoney(100, 'EURO', 'fr')).toThrow(/Unknown currency/);
    expect(() => formatMoney(100, 'eur', 'fr')).toThrow(/Unknown currency/);
  });

  it('minorUnitsToDecimal is exact', () => {
    expect(minorUnitsToDecimal(123456, 2)).toBe('1234.56');
    expect(minorUnitsToDecimal(-5, 2)).toBe('-0.05');
    expect(minorUnitsToDecimal(5, 0)).toBe('5');
    expect(minorUnitsToDecimal(1, 3)).toBe('0.001');
  });
});

describe('formatPercent', () => {
  it('writes rates the local way', () => {
    expect(plain(formatPercent(12.15, 'fr'))).toBe('12,15 %');
    expect(formatPercent(12.15, 'en')).toBe('12.15%');
    expect(formatPercent(10, 'en')).toBe('10%');
  });
});

describe('formatDate', () => {
  it('writes French dates day first, with two digits', () => {
    expect(formatDate('2026-03-12', 'fr')).toBe('12/03/2026');
    expect(formatDate('2026-01-05', 'fr')).toBe('05/01/2026');
  });

  it('writes English dates with the month in letters, so neither UK nor US readers misread them', () => {
    expect(formatDate('2026-03-12', 'en')).toBe('12 Mar 2026');
    expect(formatDate('2026-12-25', 'en')).toBe('25 Dec 2026');
  });

  it('long form for letters', () => {
    expect(formatDateLong('2026-03-01', 'fr')).toBe('1er mars 2026');
    expect(formatDateLong('2026-12-01', 'fr')).toBe('1er décembre 2026');
    expect(formatDateLong('2026-12-11', 'fr')).toBe('11 décembre 2026');
    expect(formatDateLong('2026-03-01', 'en')).toBe('1 March 2026');
    expect(formatDateLong('2026-08-15', 'fr')).toBe('15 août 2026');
    expect(formatDateLong('2026-03-12', 'en')).toBe('12 March 2026');
  });

  it('never shifts the day, whatever the time zone', () => {
    expect(formatDate('2026-12-31', 'fr')).toBe('31/12/2026');
    expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => formatDate('2026-02-30', 'fr')).toThrow(/not a YYYY-MM-DD calendar date/);
    expect(() => formatDate('12/03/2026', 'fr')).toThrow(RangeError);
  });
});

describe('formatDaysLate', () => {
  it('short badge labels', () => {
    expect(formatDaysLate(23, 'fr')).toBe('J+23');
    expect(formatDaysLate(-3, 'fr')).toBe('J-3');
    expect(formatDaysLate(0, 'fr')).toBe('J0');
    expect(formatDaysLate(23, 'en')).toBe('D+23');
    expect(formatDaysLate(-3, 'en')).toBe('D-3');
  });

  it('long labels with singular and plural', () => {
    expect(formatDaysLate(23, 'fr', 'long')).toBe('23 jours de retard');
    expect(formatDaysLate(1, 'fr', 'long')).toBe('1 jour de retard');
    expect(formatDaysLate(-3, 'fr', 'long')).toBe('échéance dans 3 jours');
    expect(formatDaysLate(0, 'fr', 'long')).toBe("échéance aujourd'hui");
    expect(formatDaysLate(1, 'en', 'long')).toBe('1 day late');
    expect(formatDaysLate(-1, 'en', 'long')).toBe('due in 1 day');
    expect(formatDaysLate(0, 'en', 'long')).toBe('due today');
  });

  it('refuses fractions of days', () => {
    expect(() => formatDaysLate(1.5, 'fr')).toThrow(/whole number/);
  });
});

describe('createTranslator', () => {
  const messages = {
    fr: { greeting: 'Bonjour {name}', overdue: '{count} factures en retard · {total}', plain: 'Relancer' },
    en: { greeting: 'Hello {name}', overdue: '{count} overdue invoices · {total}', plain: 'Remind' },
  };

  it('picks the language and fills placeholders', () => {
    const fr = createTranslator(messages, 'fr');
    expect(fr.lang).toBe('fr');
    expect(fr('greeting', { name: 'Ana' })).toBe('Bonjour Ana');
    expect(fr('overdue', { count: 3, total: '4 230,00 €' })).toBe('3 factures en retard · 4 230,00 €');
    expect(createTranslator(messages, 'en')('plain')).toBe('Remind');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(createTranslator(messages, 'en')('greeting')).toBe('Hello {name}');
    expect(interpolate('{a}{b}{a}', { a: 1 })).toBe('1{b}1');
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });

  it('throws on a key missing at run time (e.g. a catalog loaded from JSON)', () => {
    const t = createTranslator(messages as never, 'fr') as (key: string) => string;
    expect(() => t('nope')).toThrow(/Missing fr message "nope"/);
  });
});

describe('labels', () => {
  it('name every stage and badge state in both languages', () => {
    for (const stage of badgeStage.options.flatMap((o) => o.options)) {
      expect(STAGE_LABELS.fr[stage]).toBeTruthy();
      expect(STAGE_LABELS.en[stage]).toBeTruthy();
    }
    expect(stageLabel('courtesy', 'fr')).toBe('rappel de courtoisie');
    expect(stageLabel('courtesy', 'en')).toBe('courtesy reminder');
    expect(stageLabel('reminder-1', 'fr')).toBe('rappel amical');
    expect(stageLabel('reminder-2', 'fr')).toBe('relance formelle');
    expect(stageLabel('payment-plan', 'fr')).toBe("proposition d'échéancier");
    expect(stageLabel('formal-notice', 'fr')).toBe('mise en demeure');
    expect(stageLabel('legal', 'fr')).toBe('procédure judiciaire');
    expect(stageLabel('paid', 'en')).toBe('paid');
  });

  it('name every activity type and channel in both languages', () => {
    for (const type of ACTIVITY_TYPES) {
      expect(ACTIVITY_LABELS.fr[type]).toBeTruthy();
      expect(ACTIVITY_LABELS.en[type]).toBeTruthy();
    }
    for (const c of channel.options) {
      expect(CHANNEL_LABELS.fr[c]).toBeTruthy();
      expect(CHANNEL_LABELS.en[c]).toBeTruthy();
    }
    expect(activityLabel('promise-to-pay', 'fr')).toBe('promesse de paiement');
    expect(activityLabel('dispute-opened', 'en')).toBe('dispute opened');
  });
});
