/**
 * A small seeded generator for the fuzz tests: the same seed gives the same requests, so a failure
 * names its seed and can be replayed with `RELANCE_FUZZ_SEED=<seed>`.
 */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A string of `length` characters drawn from `alphabet`. */
  string(
    length: number,
    alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_',
  ): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** Text that attacks something: SQL, HTML, encodings, control characters, sizes. */
  hostileString(): string {
    return this.pick(HOSTILE_STRINGS)();
  }

  /** Any JSON value, nested up to `depth`, strings hostile half of the time. */
  jsonValue(depth = 3): unknown {
    const kind = this.int(0, depth > 0 ? 7 : 5);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, 1e-300]);
      case 3:
      case 4:
        return this.chance(0.5) ? this.hostileString() : this.string(this.int(0, 20));
      case 5:
        return this.string(this.int(1, 8));
      case 6:
        return Array.from({ length: this.int(0, 4) }, () => this.jsonValue(depth - 1));
      default: {
        const value: Record<string, unknown> = {};
        for (let i = this.int(0, 4); i > 0; i--) value[this.fieldName()] = this.jsonValue(depth - 1);
        return value;
      }
    }
  }

  /** A field name, sometimes one that means something to JavaScript or SQL. */
  fieldName(): string {
    return this.chance(0.3)
      ? this.pick([
          '__proto__',
          'constructor',
          'prototype',
          'toString',
          "name'--",
          '$where',
          'team_id',
          'version',
        ])
      : this.string(this.int(1, 12), 'abcdefghijklmnopqrstuvwxyz_');
  }
}

const HOSTILE_STRINGS: (() => string)[] = [
  () => "'; DROP TABLE activities; --",
  () => "' OR '1'='1",
  () => "Robert'); DELETE FROM teams WHERE ('1'='1",
  () => '1; SELECT pg_sleep(10)',
  () => "$1 $$ ' \" \\ ` E'\\x00'",
  () => '<img src=x onerror=alert(1)>',
  () => '<script>alert(document.cookie)</script>',
  () => '"><svg onload=alert(1)>',
  () => "javascript:alert('x')",
  () => '{{constructor.constructor("alert(1)")()}}',
  () => '\u0000',
  () => 'nul\u0000inside',
  () => '\ud800',
  () => 'a\udfffb',
  () => '\u202e\u200b\ufeff',
  () => 'Zoë Ångström ß 中文 🧾',
  () => '=HYPERLINK("http://evil.example")',
  () => '../../../etc/passwd',
  () => '%00%27%22%3Cscript%3E',
  () => ' ',
  () => '',
  () => '\r\n\tHeader-Injection: yes',
  () => 'x'.repeat(101),
  () => 'é'.repeat(5_000),
  () => 'A'.repeat(300_000),
  () => '9'.repeat(400),
  () => '2026-02-30',
  () => '-1',
  () => 'NaN',
  () => 'null',
];
