import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { randomId } from './random';
import { isUuidv7, uuidv7, uuidv7Time } from './uuidv7';

/**
 * The generator keeps per-process state (the last timestamp), so each test takes its own instant,
 * later than any other test's and than the real clock: tests stay independent of their order.
 */
let instant = Date.now() + 1_000_000_000;
const nextInstant = () => {
  instant += 1_000_000;
  return instant;
};

describe('uuidv7', () => {
  it('is a valid UUID by zod', () => {
    for (let i = 0; i < 50; i++) expect(z.uuid().safeParse(uuidv7()).success).toBe(true);
  });

  it('carries version 7 and the RFC 9562 variant bits', () => {
    const id = uuidv7(nextInstant());
    const bytes = id.replaceAll('-', '');
    expect(Number.parseInt(bytes[12]!, 16)).toBe(7);
    expect(Number.parseInt(bytes[16]!, 16) >> 2).toBe(0b10);
    expect(isUuidv7(id)).toBe(true);
    expect(isUuidv7('0195e2c4-0d4b-4f6a-9b8e-0123456789ab')).toBe(false); // v4
  });

  it('stores the millisecond timestamp in the first 48 bits', () => {
    const now = nextInstant();
    const hex = now.toString(16).padStart(12, '0');
    const id = uuidv7(now);
    expect(id.slice(0, 13)).toBe(`${hex.slice(0, 8)}-${hex.slice(8)}`);
    expect(uuidv7Time(id)).toBe(now);
  });

  it('sorts in creation order for many ids made in the same millisecond', () => {
    const now = nextInstant();
    const ids = Array.from({ length: 5000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => uuidv7Time(id) === now)).toBe(true);
  });

  it('stays increasing when the wall clock steps back a little', () => {
    const now = nextInstant();
    const a = uuidv7(now);
    const b = uuidv7(now - 3_000); // NTP correction
    const c = uuidv7(now + 1);
    expect(a < b && b < c).toBe(true);
    expect(uuidv7Time(b)).toBe(now);
    expect(uuidv7Time(c)).toBe(now + 1);
  });

  it('honours a deliberately back-dated timestamp without breaking the order of current ids', () => {
    const now = nextInstant();
    const before = uuidv7(now);
    const old = uuidv7(Date.UTC(2020, 0, 1));
    const after = uuidv7(now);
    expect(uuidv7Time(old)).toBe(Date.UTC(2020, 0, 1));
    expect(before < after).toBe(true);
  });

  it('differs between calls even across milliseconds (random part)', () => {
    const ids = new Set(Array.from({ length: 200 }, (_, i) => uuidv7(instant + 1 + i)));
    expect(ids.size).toBe(200);
  });

  it('rejects timestamps outside 48 bits', () => {
    expect(() => uuidv7(-1)).toThrow(RangeError);
    expect(() => uuidv7(2 ** 48)).toThrow(/outside/);
    expect(() => uuidv7(Number.NaN)).toThrow(RangeError);
  });

  it('uuidv7Time refuses ids that are not version 7', () => {
    expect(() => uuidv7Time('not-a-uuid')).toThrow(/not a version 7 UUID/);
  });
});

describe('randomId', () => {
  it('has the requested length and only letters and digits', () => {
    const id = randomId(24);
    expect(id).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(randomId()).not.toBe(randomId());
  });
});
