import { describe, expect, it } from 'vitest';
import { ageBucketOf } from '../../src/dashboard/figures/ageBuckets';
import { weekOf } from '../../src/dashboard/figures/week';
import { buildHref } from '../../src/dashboard/http/context';
import { safeNext } from '../../src/dashboard/http/params';
import { fromAcceptLanguage } from '../../src/dashboard/i18n/language';

describe('age buckets', () => {
  it('puts each number of days late in its bucket, bounds included', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 1000].map(ageBucketOf)).toEqual([
      null,
      '0-30',
      '0-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      '90+',
    ]);
  });
});

describe('weekOf', () => {
  it('runs Monday to Sunday, whatever the day', () => {
    expect(weekOf('2026-03-09')).toEqual({ start: '2026-03-09', end: '2026-03-15' }); // Monday
    expect(weekOf('2026-03-12')).toEqual({ start: '2026-03-09', end: '2026-03-15' }); // Thursday
    expect(weekOf('2026-03-15')).toEqual({ start: '2026-03-09', end: '2026-03-15' }); // Sunday
    expect(weekOf('2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' }); // across years
  });
});

describe('language', () => {
  it('takes the first of French or English in the order of preference', () => {
    expect(fromAcceptLanguage('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(fromAcceptLanguage('de-DE,fr;q=0.5,en;q=0.7')).toBe('en');
    expect(fromAcceptLanguage('fr-CA,en;q=0.9')).toBe('fr');
    expect(fromAcceptLanguage('en;q=0,fr')).toBe('fr');
    expect(fromAcceptLanguage('')).toBe('fr');
    expect(fromAcceptLanguage('de')).toBe('fr');
  });

  it('carries an explicit language on in links, and leaves empty filters out', () => {
    expect(buildHref(true, 'en')('/history', { clientId: 'c', q: '', page: undefined })).toBe(
      '/dashboard/history?clientId=c&lang=en',
    );
    expect(buildHref(false, 'fr')('/', {})).toBe('/dashboard');
    expect(buildHref(false, 'fr')('/overdue.csv', { lang: 'fr' })).toBe('/dashboard/overdue.csv?lang=fr');
  });
});

describe('safeNext', () => {
  it('only ever sends back into the dashboard', () => {
    expect(safeNext('/dashboard/history?type=call')).toBe('/dashboard/history?type=call');
    for (const bad of [
      undefined,
      '',
      '//evil.example',
      'https://evil.example/dashboard',
      '/api/v1/me',
      '/dashboard\\x',
    ]) {
      expect(safeNext(bad)).toBeUndefined();
    }
  });
});
