import puppeteer, { type Browser, type Target, type WebWorker } from 'puppeteer-core';
import { CHROME_EXTENSION_DIR } from './paths';

export interface LaunchOptions {
  /** A profile folder; a fresh one per browser gives a separate install (a second teammate). */
  userDataDir?: string;
  /** The unpacked extension to load (default: the Chrome build). */
  extensionDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
}

export interface ExtensionBrowser {
  browser: Browser;
  /** The extension's service worker, as it was at launch (see `worker()` after it may have stopped). */
  worker: WebWorker;
  extensionId: string;
  /** The running service worker, waking it by opening an extension page if Chromium stopped it. */
  getWorker(): Promise<WebWorker>;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * Flags for headless Chromium on this kind of machine: without the networking ones, Chromium keeps
 * trying to reach Google's hosts, which the closed network refuses.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, or `$CHROMIUM_PATH`. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Launches headless Chromium with the built extension (TOOLCHAIN.md's recipe) and waits for the
 * extension's service worker before anything navigates: the launcher does not wait for the install.
 */
export async function launchBrowserWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
  try {
    const target = await waitForServiceWorker(browser);
    const extensionId = new URL(target.url()).host;
    const worker = (await target.worker())!;
    await waitForBackgroundScript(worker);
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    return {
      browser,
      worker,
      extensionId,
      extensionUrl,
      async getWorker() {
        const running = browser.targets().find((t) => isOurWorker(t, extensionId));
        if (running) return (await running.worker())!;
        const page = await browser.newPage();
        await page.goto(extensionUrl('popup.html'));
        const woken = await waitForServiceWorker(browser, extensionId);
        await page.close();
        return (await woken.worker())!;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

function isOurWorker(target: Target, extensionId?: string): boolean {
  return (
    target.type() === 'service_worker' &&
    target.url().startsWith(extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://')
  );
}

function waitForServiceWorker(browser: Browser, extensionId?: string): Promise<Target> {
  return browser.waitForTarget((t) => isOurWorker(t, extensionId), { timeout: 30_000 });
}

/** The worker target can appear before its script has run: wait for the background's global. */
async function waitForBackgroundScript(worker: WebWorker): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (await worker.evaluate(() => 'relanceBackground' in globalThis)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    'the extension service worker never set up its background (relanceBackground missing after 10 s)',
  );
}
