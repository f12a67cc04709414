// Tells where the built extension is, so a person can load it (see README "Loading the extension").
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

for (const [browser, folder] of [
  ['Chrome/Chromium', '.output/chrome-mv3'],
  ['Firefox', '.output/firefox-mv3'],
]) {
  const path = resolve(folder);
  console.log(
    `Relance extension for ${browser}: ${existsSync(path) ? path : `${path} (missing: run pnpm build)`}`,
  );
}
