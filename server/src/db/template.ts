import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_FOLDER, openDatabase } from './open';

let cached: Promise<Blob> | undefined;

/**
 * A dump of an empty, fully migrated PGlite database, for tests that start many fresh in-memory
 * databases. Made once per machine (kept in the temp folder under a name that changes with the
 * migrations and the PGlite version), then shared by every test process.
 */
export function migratedTemplate(): Promise<Blob> {
  cached ??= loadOrMake().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function loadOrMake(): Promise<Blob> {
  const path = join(tmpdir(), `relance-pglite-template-${templateKey()}.tar`);
  try {
    return new Blob([readFileSync(path)]);
  } catch {
    // Not made yet on this machine.
  }
  const opened = await openDatabase({ dataDir: 'memory://' });
  try {
    const client = (opened.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    // Write then rename, so that a process reading it never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, path);
    return dump;
  } finally {
    await opened.close();
  }
}

function templateKey(): string {
  const hash = createHash('sha256');
  // A new PGlite may write its files differently: its code is part of the key.
  hash.update(readFileSync(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json'))
      hash.update(file).update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
