import { fileURLToPath } from 'node:url';

/** The repository root, and the built extensions `pnpm build` writes. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROME_EXTENSION_DIR = `${REPO_ROOT}.output/chrome-mv3`;
export const FIREFOX_EXTENSION_DIR = `${REPO_ROOT}.output/firefox-mv3`;
