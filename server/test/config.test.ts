import { describe, expect, it } from 'vitest';
import { databaseOptionsFromEnv, integerFromEnv } from '../src/config';
import { DEFAULT_DATA_DIR } from '../src/db/open';

describe('configuration from the environment', () => {
  it('prefers DATABASE_URL, else a PGlite folder taken from where the command was typed', () => {
    expect(databaseOptionsFromEnv({ DATABASE_URL: 'postgres://u@h/db', RELANCE_DATA_DIR: '/x' })).toEqual({
      databaseUrl: 'postgres://u@h/db',
    });
    expect(databaseOptionsFromEnv({})).toEqual({ dataDir: DEFAULT_DATA_DIR });
    expect(databaseOptionsFromEnv({ RELANCE_DATA_DIR: '/srv/relance' })).toEqual({ dataDir: '/srv/relance' });
    expect(databaseOptionsFromEnv({ RELANCE_DATA_DIR: 'data/mine', INIT_CWD: '/home/me/relance' })).toEqual({
      dataDir: '/home/me/relance/data/mine',
    });
    expect(DEFAULT_DATA_DIR).toMatch(/\/data\/pglite$/);
  });

  it('reads whole numbers and refuses anything else', () => {
    expect(integerFromEnv('PORT', 8787, {})).toBe(8787);
    expect(integerFromEnv('PORT', 8787, { PORT: '0' })).toBe(0);
    expect(integerFromEnv('PORT', 8787, { PORT: '9000' })).toBe(9000);
    expect(() => integerFromEnv('PORT', 8787, { PORT: 'eighty' })).toThrow('PORT must be a whole number');
    expect(() => integerFromEnv('PORT', 8787, { PORT: '-1' })).toThrow();
  });
});
