import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The WXT config lives at the repository root (srcDir: extension); WxtVitest reads it from there and
// provides the fake `browser` global plus WXT's auto-imports.
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineProject({
  plugins: [WxtVitest({ root })],
  test: {
    name: 'extension',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**'],
    // Node by default (real fetch to the in-process server); UI tests opt into happy-dom per file.
    environment: 'node',
    setupFiles: ['./test/setup.ts'],
    testTimeout: 30_000,
    // Starting the in-process server (PGlite) takes seconds on a busy machine.
    hookTimeout: 60_000,
  },
});
