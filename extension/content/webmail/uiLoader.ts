import { importPackaged } from '../shared/packagedModule';
import type { WebmailUi } from './ui';

/** Where `webmail-ui.js` leaves its parts, in the content scripts' own (isolated) world. */
export const UI_GLOBAL = '__relanceWebmailUi';
/** The built file, listed in the manifest's web_accessible_resources (wxt.config.ts). */
export const UI_FILE = '/webmail-ui.js';

/** Runs `webmail-ui.js` once (see importPackaged). */
export function importWebmailUi(url: string): Promise<WebmailUi> {
  return importPackaged<WebmailUi>(url, UI_GLOBAL);
}

/**
 * The on-demand parts for one page: asked for once (again after a failure), preloaded when the
 * page is idle after a compose window opened, so that a click on the address line works at once.
 */
export class WebmailUiLoader {
  /** Loaded: what the sessions use without waiting. */
  ready: WebmailUi | null = null;
  private loading: Promise<WebmailUi> | null = null;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly importUi: () => Promise<WebmailUi>,
  ) {}

  load(): Promise<WebmailUi> {
    this.loading ??= this.importUi().then(
      (ui) => {
        this.ready = ui;
        return ui;
      },
      (error: unknown) => {
        this.loading = null; // try again next time
        throw error;
      },
    );
    return this.loading;
  }

  /** Loads when the page has nothing better to do; a failure is the caller's to report. */
  preload(onError: (error: unknown) => void): void {
    if (this.loading || this.stopped) return;
    const win = this.doc.defaultView;
    const load = () => {
      if (!this.stopped) this.load().catch(onError);
    };
    if (win?.requestIdleCallback) win.requestIdleCallback(load, { timeout: 2000 });
    else win?.setTimeout(load, 500);
  }

  stop(): void {
    this.stopped = true;
  }
}
