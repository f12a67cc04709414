import { randomBytes } from './random';

/**
 * UUID version 7 (RFC 9562 §5.7): a 48-bit Unix timestamp in milliseconds, then 74 bits that are
 * random for the first id of a millisecond and counted up by one for each further id of that same
 * millisecond (the "monotonic random" method of §6.2), so ids made by one process sort in the order
 * they were made. Text order of the ids equals byte order equals creation order.
 *
 * Layout: unix_ts_ms(48) | ver=0111(4) | rand_a(12) | var=10(2) | rand_b(62).
 * The 74 bits rand_a + rand_b are kept as one BigInt "tail" so they can be incremented.
 */

const MAX_TIMESTAMP = 2 ** 48 - 1;
const TAIL_BITS = 74n;
const TAIL_LIMIT = 1n << TAIL_BITS;
const RAND_B_BITS = 62n;
/** How far back the wall clock may step (NTP correction, sleep) and still be treated as "now". */
const CLOCK_SETBACK_TOLERANCE_MS = 10_000;

let lastTimestamp = -1;
let lastTail = 0n;

function randomTail(): bigint {
  let tail = 0n;
  for (const byte of randomBytes(10)) tail = (tail << 8n) | BigInt(byte);
  return tail & (TAIL_LIMIT - 1n); // 80 random bits, keep 74
}

function encode(timestamp: number, tail: bigint): string {
  const randA = Number(tail >> RAND_B_BITS); // 12 bits
  const randB = tail & ((1n << RAND_B_BITS) - 1n); // 62 bits
  const hex =
    timestamp.toString(16).padStart(12, '0') +
    (0x7000 | randA).toString(16).padStart(4, '0') +
    ((0b10n << RAND_B_BITS) | randB).toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A new UUIDv7 for the instant `now` (ms since the Unix epoch, default `Date.now()`).
 *
 * Monotonic within this process: several ids in one millisecond, or a wall clock that steps back by
 * up to 10 s, still give increasing ids (the previous timestamp is reused and the tail counted up;
 * if the tail overflows, the timestamp moves on by 1 ms). A `now` further in the past than that is
 * taken as a deliberate back-dated id: it gets exactly that timestamp and fresh randomness, and does
 * not disturb the ordering of the ids made "now".
 */
export function uuidv7(now: number = Date.now()): string {
  if (!Number.isFinite(now) || now < 0 || now > MAX_TIMESTAMP) {
    throw new RangeError(`uuidv7: timestamp ${now} is outside 0..2^48-1 milliseconds`);
  }
  const timestamp = Math.floor(now);

  if (timestamp > lastTimestamp) {
    lastTimestamp = timestamp;
    lastTail = randomTail();
  } else if (lastTimestamp - timestamp <= CLOCK_SETBACK_TOLERANCE_MS) {
    // Same millisecond, or the clock stepped back a little: count up from the previous id.
    lastTail += 1n;
    if (lastTail >= TAIL_LIMIT) {
      lastTimestamp += 1;
      lastTail = randomTail();
    }
  } else {
    return encode(timestamp, randomTail());
  }
  return encode(lastTimestamp, lastTail);
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuidv7(id: string): boolean {
  return UUID_V7.test(id);
}

/** The creation time (ms since the Unix epoch) stored in a UUIDv7. */
export function uuidv7Time(id: string): number {
  if (!isUuidv7(id)) throw new TypeError(`uuidv7Time: "${id}" is not a version 7 UUID`);
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
