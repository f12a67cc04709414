import type { Language } from '@relance/shared/vocabulary';
import { browser } from 'wxt/browser';
import {
  type InvoicePolicyView,
  type PageReport,
  type Send,
  sendMessage,
  TAB_MESSAGES,
} from '../../lib/messages';
import { guard, guardAsync, reportError } from '../shared/guard';
import { browserLanguage, pageLocale } from '../shared/language';
import { OnDemand } from '../shared/onDemand';
import type { TaughtMapping } from './adapters/taught';
import type { ReadContext } from './adapters/types';
import { PageObserver } from './observe/pageObserver';
import { InvoiceOverlay } from './overlay';
import type { InvoicingUi } from './ui';
import { loadInvoicingUi, UI_FILE, type UiFactory } from './uiLoader';

export interface InvoicingOverlayOptions {
  doc?: Document;
  send?: Send;
  /** Called when the extension is reloaded or removed: everything stops. */
  onInvalidated?: (stop: () => void) => void;
  /** The panels, dialog and teach mode (default: `invoicing-ui.js`, loaded on first use). */
  loadUi?: () => Promise<UiFactory>;
}

interface Setup {
  language: Language;
  mapping?: TaughtMapping;
  serverOrigin?: string;
}

/** Relance's own pages (the dashboard says so with this marker, e.g. on a server we do not know yet). */
const SERVER_MARKER = 'meta[name="relance-server"], [data-relance-server]';

/** True on the configured server's pages and on any page marked as Relance's own: never read them. */
export function isRelanceServerPage(doc: Document, serverOrigin?: string): boolean {
  if (doc.querySelector(SERVER_MARKER)) return true;
  const origin = doc.location?.origin;
  return !!serverOrigin && !!origin && origin === serverOrigin;
}

/** The site's saved mapping and the user's language; quiet defaults when the background is away. */
async function loadSetup(send: Send, host: string): Promise<Setup> {
  const answer = await guardAsync('setup', () => send({ type: 'getOverlaySetup', host }));
  return answer ?? { language: browserLanguage() };
}

/**
 * The invoicing overlay on one page: observe invoices, show their badges, open the notes panel,
 * the reminder dialog and the teach mode. On a page without invoices nothing changes.
 */
export async function startInvoicingOverlay(
  options: InvoicingOverlayOptions = {},
): Promise<{ stop: () => void }> {
  const doc = options.doc ?? document;
  const send = options.send ?? sendMessage;
  const host = doc.location?.host ?? '';
  if (isRelanceServerPage(doc)) return { stop: () => {} };
  const setup = await loadSetup(send, host);
  if (isRelanceServerPage(doc, setup.serverOrigin)) return { stop: () => {} };
  const lang = setup.language;

  const readContext = (): ReadContext => ({
    locale: pageLocale(doc),
    defaultCurrency: 'EUR',
    baseUrl: doc.location?.href ?? '',
  });

  // The panels, dialog and teach mode: loaded when the page is idle after its first badges, or
  // when a person opens one first; once loaded, a click opens its panel at once.
  const loadUi = options.loadUi ?? (() => loadInvoicingUi(browser.runtime.getURL(UI_FILE as '/')));
  const ui = new OnDemand<InvoicingUi>(doc, () =>
    loadUi().then((create) =>
      create({
        doc,
        send,
        lang,
        readContext,
        onClientChanged: (clientId) => overlay.refresh((v: InvoicePolicyView) => v.clientId === clientId),
        saveMapping: async (mapping) => {
          await send({ type: 'saveSiteMapping', mapping });
          observer.setTaught(mapping);
        },
      }),
    ),
  );
  const withUi = (what: string, use: (ready: InvoicingUi) => void) => {
    if (ui.ready) return guard(what, use)(ui.ready);
    ui.load().then(
      guard(what, (ready: InvoicingUi) => {
        if (!ui.isStopped) use(ready);
      }),
      (error) => reportError(what, error),
    );
  };
  const preloadUi = () => ui.preload((error) => reportError('ui.preload', error));

  const overlay: InvoiceOverlay = new InvoiceOverlay({
    doc,
    send,
    lang,
    actions: {
      notes: (observation, view) => withUi('ui.notes', (loaded) => loaded.openNotes(observation, view)),
      remind: (_observation, view) => withUi('ui.remind', (loaded) => loaded.openReminder(view)),
    },
  });

  // How many invoices this page showed: the popup says when a site is not understood (a count only;
  // no page text leaves the page).
  let seen = 0;
  const observer = new PageObserver({
    doc,
    readContext,
    onObserved: (observations) => {
      seen += observations.length;
      overlay.observed(observations);
      preloadUi();
    },
    onVanished: (rows) => overlay.vanished(rows),
  });
  if (setup.mapping) observer.setTaught(setup.mapping);
  observer.start();

  // Teammates' reminders and notes arrive with sync: ask again when the user comes back to the tab.
  const listeners = new AbortController();
  const win = doc.defaultView;
  doc.addEventListener(
    'visibilitychange',
    guard('overlay.visible', () => {
      if (doc.visibilityState === 'visible') overlay.refresh();
    }),
    { signal: listeners.signal },
  );
  win?.addEventListener(
    'focus',
    guard('overlay.focus', () => overlay.refresh()),
    { signal: listeners.signal },
  );

  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === TAB_MESSAGES.startTeachMode) withUi('teach.start', (loaded) => loaded.startTeachMode());
    if (type === TAB_MESSAGES.refresh) overlay.refresh();
    if (type === TAB_MESSAGES.pageReport) {
      void observer.idle().then(() => {
        const report: PageReport = {
          invoices: seen,
          badges: doc.querySelectorAll('relance-badge').length,
          taught: !!setup.mapping,
        };
        sendResponse(report);
      });
      return true; // answered asynchronously
    }
    return undefined;
  };
  if (!options.send) browser.runtime.onMessage.addListener(onMessage);

  const stop = () => {
    ui.stop((loaded) => loaded.stop());
    observer.stop();
    listeners.abort();
    if (!options.send) browser.runtime.onMessage.removeListener(onMessage);
  };
  options.onInvalidated?.(stop);
  return { stop };
}
