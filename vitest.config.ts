import { defineConfig } from 'vitest/config';

// One command runs every test: each package is a vitest project.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'extension', 'e2e'],
  },
});
