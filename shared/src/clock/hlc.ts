/**
 * Hybrid logical clock (Kulkarni et al., 2014): a wall-clock time in ms plus a counter that orders
 * events within one ms or while the wall clock lags, plus the node id as the final tie-break.
 * Documents (clients, invoices, notes, settings) carry one per write; the newest wins.
 *
 * Serialised as `<15-digit ms>:<6-digit counter>:<node id>` (`HLC_PATTERN`; the `hlcString` schema is built from it): the numbers
 * are zero-padded to a fixed width, so comparing two strings compares the clocks.
 */
export interface HlcTimestamp {
  /** Milliseconds since the Unix epoch (the largest wall time this clock has seen). */
  ms: number;
  /** Orders events sharing the same `ms`. */
  counter: number;
  /** Which device or server made the event; unique per writer. */
  node: string;
}

const MAX_MS = 10 ** 15 - 1;
const MAX_COUNTER = 999_999;
/** A remote clock further ahead than this is a broken clock, not a fast one: merging it would drag
 * every later write of this node into the future and make them win over honest writes. */
export const MAX_REMOTE_DRIFT_MS = 24 * 60 * 60 * 1000;
const NODE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A serialised clock. */
export const HLC_PATTERN = /^\d{15}:\d{6}:[A-Za-z0-9_-]{1,64}$/;

export class HlcError extends Error {
  override name = 'HlcError';
}

export function formatHlc({ ms, counter, node }: HlcTimestamp): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_MS) throw new HlcError(`HLC time ${ms} is out of range`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) {
    throw new HlcError(`HLC counter ${counter} is out of range 0..${MAX_COUNTER}`);
  }
  if (!NODE_ID.test(node)) throw new HlcError(`HLC node id "${node}" must be 1-64 letters, digits, _ or -`);
  return `${String(ms).padStart(15, '0')}:${String(counter).padStart(6, '0')}:${node}`;
}

export function parseHlc(text: string): HlcTimestamp {
  if (!HLC_PATTERN.test(text)) {
    throw new HlcError(
      `"${text}" is not a hybrid logical clock (expected <15-digit ms>:<6-digit counter>:<node id>)`,
    );
  }
  const [ms, counter, node] = text.split(':') as [string, string, string];
  return { ms: Number(ms), counter: Number(counter), node };
}

/** Orders two serialised clocks: negative if `a` happened before `b`. Same as comparing the strings. */
export function compareHlc(a: string, b: string): number {
  const x = parseHlc(a);
  const y = parseHlc(b);
  if (x.ms !== y.ms) return x.ms < y.ms ? -1 : 1;
  if (x.counter !== y.counter) return x.counter < y.counter ? -1 : 1;
  if (x.node === y.node) return 0;
  return x.node < y.node ? -1 : 1;
}

export interface HybridLogicalClock {
  readonly nodeId: string;
  /** Timestamp for a local event (a write): later than every timestamp issued or received so far. */
  now(): string;
  /** Merge a timestamp received from elsewhere; returns a timestamp later than both. */
  receive(remote: string): string;
  /** The last timestamp issued, or the starting one; persist it to stay monotonic across restarts. */
  last(): string;
}

/**
 * A clock for one node. `wallClock` is injectable for tests. Pass `last` (the value of `last()`
 * saved before a restart) so a clock whose wall time is now behind still issues later timestamps.
 */
export function createHlc(
  nodeId: string,
  wallClock: () => number = Date.now,
  last?: string,
): HybridLogicalClock {
  if (!NODE_ID.test(nodeId))
    throw new HlcError(`HLC node id "${nodeId}" must be 1-64 letters, digits, _ or -`);
  let state: HlcTimestamp = last ? { ...parseHlc(last), node: nodeId } : { ms: 0, counter: 0, node: nodeId };

  // A counter past its 6 digits moves the time on by 1 ms instead: order is kept, nothing is lost.
  const advance = (ms: number, counter: number): HlcTimestamp =>
    counter > MAX_COUNTER ? { ms: ms + 1, counter: 0, node: nodeId } : { ms, counter, node: nodeId };

  const physical = () => Math.floor(wallClock());

  return {
    nodeId,
    now() {
      const wall = physical();
      state = wall > state.ms ? advance(wall, 0) : advance(state.ms, state.counter + 1);
      return formatHlc(state);
    },
    receive(remote) {
      const other = parseHlc(remote);
      const wall = physical();
      if (other.ms - wall > MAX_REMOTE_DRIFT_MS) {
        const hours = Math.round((other.ms - wall) / 3_600_000);
        throw new HlcError(
          `Refusing remote clock ${remote}: it is ${hours} h ahead of this machine's clock ` +
            `(limit ${MAX_REMOTE_DRIFT_MS / 3_600_000} h). Check the date and time of node "${other.node}".`,
        );
      }
      const ms = Math.max(state.ms, other.ms, wall);
      let counter = 0;
      if (ms === state.ms && ms === other.ms) counter = Math.max(state.counter, other.counter) + 1;
      else if (ms === state.ms) counter = state.counter + 1;
      else if (ms === other.ms) counter = other.counter + 1;
      state = advance(ms, counter);
      return formatHlc(state);
    },
    last: () => formatHlc(state),
  };
}
