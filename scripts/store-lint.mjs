// The stores' validator on the built Firefox package (addons-linter, through web-ext), as CI runs
// it: fails on any error, and on any warning or notice but two — Preact's own
// `dangerouslySetInnerHTML` branch (`e.innerHTML = f.__html`), which Relance never feeds (no UI
// passes raw HTML), and the content scripts' `import()` of their own packaged UI file
// (`invoicing-ui.js`, `webmail-ui.js`, by `runtime.getURL`: the address is only known at run time,
// hence not a literal; docs/store-listing.md says why). Each allowed warning is checked at its
// column and file, so any other innerHTML or import fails.
// Run after `pnpm build`: node scripts/store-lint.mjs [folder]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const folder = resolve(process.argv[2] ?? '.output/firefox-mv3');
if (!existsSync(join(folder, 'manifest.json'))) {
  console.error(`store-lint: no built extension in ${folder} (run pnpm build first)`);
  process.exit(2);
}

const bin = resolve('node_modules/.bin/web-ext');
let out;
try {
  out = execFileSync(bin, ['lint', '--source-dir', folder, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
} catch (e) {
  // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
  out = e.stdout;
}
const report = JSON.parse(out);

function isPreactInnerHtml(message) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file) return false;
  const lines = readFileSync(join(folder, message.file), 'utf8').split('\n');
  const line = lines[(message.line ?? 1) - 1] ?? '';
  const around = line.slice(Math.max(0, (message.column ?? 0) - 20), (message.column ?? 0) + 40);
  return /\.innerHTML\s*=\s*[\w$]+\.__html/.test(around);
}

/** The loaders' `import(url)` of the extension's own UI file (the uiLoader.ts of each content script). */
function isOwnUiImport(message) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !/import/i.test(message.message ?? '')) return false;
  if (!['content-scripts/invoicing.js', 'content-scripts/webmail.js'].includes(message.file)) return false;
  const lines = readFileSync(join(folder, message.file), 'utf8').split('\n');
  const line = lines[(message.line ?? 1) - 1] ?? '';
  const around = line.slice(Math.max(0, (message.column ?? 0) - 40), (message.column ?? 0) + 40);
  return /import\(\s*[\w$]+\s*\)/.test(around);
}

const problems = [
  ...report.errors,
  ...report.warnings.filter((m) => !isPreactInnerHtml(m) && !isOwnUiImport(m)),
  ...report.notices,
];
const allowed = report.warnings.length - problems.filter((m) => m._type === 'warning').length;

for (const m of problems) console.error(`${m._type} ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
console.log(
  `store-lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${allowed} allowed: Preact innerHTML, own UI import), ${report.notices.length} notices`,
);
process.exit(problems.length === 0 ? 0 : 1);
