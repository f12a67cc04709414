// `pnpm start`: install and build only what changed since the last start, then run the server and
// say what to do next. Node built-ins only: it runs before anything is installed.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', '.output', '.wxt', 'data', '.git', 'test', 'dist']);

/** A digest of files (their paths and contents), folders walked in a stable order. */
function digest(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) visit(join(path, name));
      return;
    }
    hash.update(relative(ROOT, path));
    hash.update(readFileSync(path));
  };
  for (const p of paths) visit(resolve(ROOT, p));
  return hash.digest('hex');
}

function readStamp(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

function run(command, args) {
  console.log(`› ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
}

const workspaces = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'patches'];
for (const dir of ['shared', 'server', 'e2e']) workspaces.push(`${dir}/package.json`);
const installStamp = join(ROOT, 'node_modules', '.relance-install');
const installed = digest(workspaces);
if (readStamp(installStamp) === installed) {
  console.log('Dependencies: up to date (pnpm install skipped).');
} else {
  run('pnpm', ['install', '--frozen-lockfile']);
  writeFileSync(installStamp, installed);
}

const sources = [
  'extension',
  'shared/src',
  'wxt.config.ts',
  'tsconfig.json',
  'package.json',
  'scripts/zodWithoutEval.ts',
];
const buildStamp = join(ROOT, '.output', '.relance-build');
const built = digest(sources);
const outputs = ['chrome-mv3', 'firefox-mv3'].map((b) => join(ROOT, '.output', b, 'manifest.json'));
if (readStamp(buildStamp) === built && outputs.every(existsSync)) {
  console.log('Extension: up to date (build skipped).');
} else {
  run('pnpm', ['build']);
  writeFileSync(buildStamp, built);
}

const port = process.env.PORT || '8787';
const address = `http://localhost:${port}`;
const guide = [
  '',
  'Relance is running.',
  `  Team dashboard:   ${address}/dashboard`,
  `  Server address:   ${address}   (type it in the extension's options)`,
  `  Chrome/Chromium:  ${join(ROOT, '.output/chrome-mv3')}`,
  `  Firefox:          ${join(ROOT, '.output/firefox-mv3')}`,
  '',
  'Next step: load the extension from the folder above (Chrome: chrome://extensions › Developer mode ›',
  'Load unpacked; Firefox: about:debugging › This Firefox › Load Temporary Add-on › manifest.json), then',
  'open its options: work alone on this browser, or create your team on this server and invite the others.',
  'Stop with Ctrl+C.',
  '',
].join('\n');

// The server's own output goes through; the guide comes once it listens.
const server = spawn('pnpm', ['--filter', '@relance/server', 'start'], {
  cwd: ROOT,
  stdio: ['inherit', 'pipe', 'inherit'],
});
let guided = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!guided && /listening on/i.test(String(chunk))) {
    guided = true;
    console.log(guide);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
