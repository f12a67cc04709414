import { describe, expect, it } from 'vitest';
import { hlcString } from '../schemas/common';
import { compareHlc, createHlc, formatHlc, HlcError, MAX_REMOTE_DRIFT_MS, parseHlc } from './hlc';

const T = Date.UTC(2026, 2, 12, 9, 30);

/** A wall clock the test moves by hand. */
function manualClock(start: number) {
  const clock = { time: start, read: () => clock.time };
  return clock;
}

describe('format and parse', () => {
  it('pads to fixed widths and matches the shared schema', () => {
    const text = formatHlc({ ms: T, counter: 7, node: 'device-A_1' });
    expect(text).toBe(`00${T}:000007:device-A_1`);
    expect(hlcString.safeParse(text).success).toBe(true);
    expect(parseHlc(text)).toEqual({ ms: T, counter: 7, node: 'device-A_1' });
  });

  it('rejects malformed clocks and bad parts with a clear error', () => {
    expect(() => parseHlc('12:1:x')).toThrow(/not a hybrid logical clock/);
    expect(() => parseHlc('')).toThrow(HlcError);
    expect(() => formatHlc({ ms: T, counter: 1_000_000, node: 'a' })).toThrow(/counter/);
    expect(() => formatHlc({ ms: -1, counter: 0, node: 'a' })).toThrow(/out of range/);
    expect(() => formatHlc({ ms: T, counter: 0, node: 'has:colon' })).toThrow(/node id/);
    expect(() => createHlc('')).toThrow(/node id/);
  });
});

describe('createHlc', () => {
  it('uses the wall clock when it moves forward', () => {
    const wall = manualClock(T);
    const hlc = createHlc('a', wall.read);
    expect(parseHlc(hlc.now())).toEqual({ ms: T, counter: 0, node: 'a' });
    wall.time = T + 5;
    expect(parseHlc(hlc.now())).toEqual({ ms: T + 5, counter: 0, node: 'a' });
  });

  it('counts up within one millisecond', () => {
    const hlc = createHlc('a', () => T);
    const stamps = [hlc.now(), hlc.now(), hlc.now()];
    expect(stamps.map((s) => parseHlc(s).counter)).toEqual([0, 1, 2]);
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    const wall = manualClock(T);
    const hlc = createHlc('a', wall.read);
    const first = hlc.now();
    wall.time = T - 60_000; // the machine's clock was set back a minute
    const second = hlc.now();
    const third = hlc.now();
    expect(compareHlc(first, second)).toBeLessThan(0);
    expect(compareHlc(second, third)).toBeLessThan(0);
    expect(parseHlc(third)).toEqual({ ms: T, counter: 2, node: 'a' });
  });

  it('moves to the next millisecond rather than overflow the counter', () => {
    const hlc = createHlc('a', () => T, formatHlc({ ms: T, counter: 999_999, node: 'a' }));
    expect(parseHlc(hlc.now())).toEqual({ ms: T + 1, counter: 0, node: 'a' });
  });

  it('resumes after a restart from the saved last timestamp', () => {
    const before = createHlc('a', () => T + 1000);
    before.now();
    const saved = before.last();
    const after = createHlc('a', () => T, saved); // restarted with a clock now behind
    expect(compareHlc(after.now(), saved)).toBeGreaterThan(0);
  });

  it('receive advances past a remote clock that is ahead', () => {
    const local = createHlc('local', () => T);
    const remote = formatHlc({ ms: T + 30_000, counter: 4, node: 'remote' });
    const merged = local.receive(remote);
    expect(parseHlc(merged)).toEqual({ ms: T + 30_000, counter: 5, node: 'local' });
    expect(compareHlc(merged, remote)).toBeGreaterThan(0);
    expect(compareHlc(local.now(), merged)).toBeGreaterThan(0);
  });

  it('receive keeps local time when the remote is behind, and counts past both on a tie', () => {
    const local = createHlc('local', () => T);
    local.now();
    local.now(); // T:1
    expect(parseHlc(local.receive(formatHlc({ ms: T - 10, counter: 50, node: 'r' })))).toMatchObject({
      ms: T,
      counter: 2,
    });
    expect(parseHlc(local.receive(formatHlc({ ms: T, counter: 9, node: 'r' })))).toMatchObject({
      ms: T,
      counter: 10,
    });
    const wall = manualClock(T);
    const fresh = createHlc('x', wall.read);
    wall.time = T + 100; // the wall clock is ahead of both
    expect(parseHlc(fresh.receive(formatHlc({ ms: T + 50, counter: 3, node: 'r' })))).toMatchObject({
      ms: T + 100,
      counter: 0,
    });
  });

  it('refuses a remote clock more than a day in the future, and leaves its state alone', () => {
    const local = createHlc('local', () => T);
    const before = local.now();
    const tooFar = formatHlc({ ms: T + MAX_REMOTE_DRIFT_MS + 60_000, counter: 0, node: 'broken' });
    expect(() => local.receive(tooFar)).toThrow(/ahead of this machine's clock.*"broken"/);
    expect(local.last()).toBe(before);
    const nearLimit = formatHlc({ ms: T + MAX_REMOTE_DRIFT_MS - 60_000, counter: 0, node: 'fast' });
    expect(() => local.receive(nearLimit)).not.toThrow();
  });
});

describe('compareHlc', () => {
  it('breaks ties by node id', () => {
    const a = formatHlc({ ms: T, counter: 3, node: 'alice' });
    const b = formatHlc({ ms: T, counter: 3, node: 'bob' });
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, a)).toBe(1);
    expect(compareHlc(a, a)).toBe(0);
  });

  it('orders exactly like the strings do', () => {
    const nodes = ['a', 'B', 'a-b', 'z_9', 'node1', 'node10', '0'];
    const stamps: string[] = [];
    for (const ms of [T - 1, T, T + 1, 10 ** 14, 10 ** 15 - 1]) {
      for (const counter of [0, 1, 9, 10, 999_999]) {
        for (const node of nodes) stamps.push(formatHlc({ ms, counter, node }));
      }
    }
    const byString = [...stamps].sort();
    const byClock = [...stamps].sort(compareHlc);
    expect(byClock).toEqual(byString);
    for (let i = 0; i < 500; i++) {
      const a = stamps[(i * 7919) % stamps.length]!;
      const b = stamps[(i * 104_729 + 13) % stamps.length]!;
      expect(Math.sign(compareHlc(a, b))).toBe(a < b ? -1 : a > b ? 1 : 0);
    }
  });

  it('events made by two nodes that exchange clocks are causally ordered', () => {
    const wallA = manualClock(T + 500); // A's clock runs ahead of B's
    const a = createHlc('A', wallA.read);
    const b = createHlc('B', () => T);
    const sentByA = a.now();
    const receivedByB = b.receive(sentByA);
    const replyByB = b.now();
    const receivedByA = a.receive(replyByB);
    expect([sentByA, receivedByB, replyByB, receivedByA].sort(compareHlc)).toEqual([
      sentByA,
      receivedByB,
      replyByB,
      receivedByA,
    ]);
  });
});
