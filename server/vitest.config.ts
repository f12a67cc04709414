import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    // PGlite takes a few seconds to start on a busy machine; PostgreSQL tests hold transactions open.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
