import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// The boundaries of the content scripts are checked by the linter (biome.json overrides): this
// proves the rule bites, with a probe file written where a content script would live.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
let probeDir: string | undefined;

/** What Biome prints (diagnostics go to stderr) and whether it passed. */
async function lint(source: string): Promise<{ ok: boolean; output: string }> {
  probeDir ??= await mkdtemp(join(ROOT, 'extension/content/lint-probe-'));
  const file = join(probeDir, 'probe.ts');
  await writeFile(file, source);
  try {
    const { stdout, stderr } = await run(
      join(ROOT, 'node_modules/.bin/biome'),
      ['lint', '--vcs-use-ignore-file=false', file],
      {
        cwd: ROOT,
      },
    );
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

afterAll(async () => {
  if (probeDir) await rm(probeDir, { recursive: true, force: true });
});

describe('content-script boundaries', () => {
  it('refuse Dexie, zod and the background, sync, repo and db modules', async () => {
    for (const source of [
      "import Dexie from 'dexie';\nexport const d = Dexie;\n",
      "import { z } from 'zod';\nexport const s = z.string();\n",
      "import { getDb } from '../../../lib/db';\nexport const g = getDb;\n",
      "import { logActivity } from '../../../lib/repo/activities';\nexport const l = logActivity;\n",
      "import { SyncEngine } from '../../../lib/sync/engine';\nexport const e = SyncEngine;\n",
      "import { createHandlers } from '../../../lib/background/handlers';\nexport const h = createHandlers;\n",
      "import { teamSettings } from '@relance/shared';\nexport const t = teamSettings;\n",
    ]) {
      const result = await lint(source);
      expect(result.ok, source).toBe(false);
      expect(result.output, source).toContain('noRestrictedImports');
    }
  });

  it('let types from the shared barrel and zod-free modules through', async () => {
    const source =
      "import type { Activity } from '@relance/shared';\nimport { formatDate } from '@relance/shared/format';\n" +
      "import { STAGE_IDS } from '@relance/shared/vocabulary';\nexport const x = (a: Activity) => [formatDate(a.date, 'fr'), STAGE_IDS];\n";
    const result = await lint(source);
    expect(result.output).toContain('Checked 1 file');
    expect(result).toMatchObject({ ok: true });
  });
});
