import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_EXTENSION_DIR, REPO_ROOT } from './paths';

/** What the built extension is made of: a newer file here means the build is stale. */
const SOURCES = ['extension', 'shared/src', 'wxt.config.ts', 'package.json'];
const SKIP = new Set(['node_modules', '.output', '.wxt']);

function newestMtime(path: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (SKIP.has(entry) || /\.test\.tsx?$/.test(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function extensionBuildIsStale(): boolean {
  const built = newestMtime(join(CHROME_EXTENSION_DIR, 'manifest.json'));
  if (built === 0) return true;
  return SOURCES.some((source) => newestMtime(join(REPO_ROOT, source)) > built);
}

/** Runs `pnpm build` (Chrome and Firefox) once when `.output/chrome-mv3` is missing or older than the sources. */
export function buildExtensionIfStale(): void {
  if (!extensionBuildIsStale()) return;
  execFileSync('pnpm', ['build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
