import type { Language } from '@relance/shared';
import { browser } from 'wxt/browser';
import {
  type InvoicePolicyView,
  type PageReport,
  type Send,
  sendMessage,
  TAB_MESSAGES,
} from '../../lib/messages';
import { FloatingPanel, PANEL_CSS, SIDE_PANEL_CSS } from '../shared/floating';
import { guard, guardAsync } from '../shared/guard';
import { browserLanguage, pageLocale } from '../shared/language';
import { parsingLanguage } from './adapters/parsing';
import type { TaughtMapping } from './adapters/taught';
import type { InvoiceOnPage, ReadContext } from './adapters/types';
import { PageObserver } from './observe/pageObserver';
import { InvoiceOverlay } from './overlay';
import { NotesPanel } from './panel/NotesPanel';
import { type Letter, writeLetter } from './remind/letter';
import { downloadText, printText } from './remind/printWindow';
import { ReminderDialog } from './remind/ReminderDialog';
import { overlayTranslator } from './strings';
import { TeachMode } from './teach/teachMode';

export interface InvoicingOverlayOptions {
  doc?: Document;
  send?: Send;
  /** Called when the extension is reloaded or removed: everything stops. */
  onInvalidated?: (stop: () => void) => void;
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

  const notes = new FloatingPanel(doc, 'relance-notes-panel', SIDE_PANEL_CSS, 'side');
  const reminder = new FloatingPanel(doc, 'relance-reminder', PANEL_CSS);

  const overlay: InvoiceOverlay = new InvoiceOverlay({
    doc,
    send,
    lang,
    actions: {
      notes: (observation, view) => openNotes(observation, view),
      remind: (_observation, view) => openReminder(view),
    },
  });

  const refreshClient = (clientId: string) =>
    overlay.refresh((v: InvoicePolicyView) => v.clientId === clientId);

  function openNotes(observation: InvoiceOnPage, view: InvoicePolicyView) {
    reminder.close();
    notes.show(
      <NotesPanel
        key={view.clientId}
        send={send}
        lang={lang}
        clientId={view.clientId}
        clientName={view.clientName}
        invoiceIds={[view.invoiceId]}
        currency={observation.currency}
        amountDueCents={view.amountDueCents}
        onClose={() => notes.close()}
        onChanged={() => refreshClient(view.clientId)}
      />,
    );
  }

  function openReminder(view: InvoicePolicyView) {
    notes.close();
    reminder.show(
      <ReminderDialog
        key={view.invoiceId}
        send={send}
        lang={lang}
        invoiceIds={[view.invoiceId]}
        onClose={() => reminder.close()}
        pageLanguage={parsingLanguage(pageLocale(doc))}
        onLogged={(prepared) => refreshClient(prepared.clientId)}
        openUrl={(url) => openUrl(doc, url)}
        printLetter={(letter) => printLetter(doc, letter)}
        printText={(title, text) => printText(doc, title, text, overlayTranslator(lang)('printButton'))}
        download={(fileName, text) => downloadText(doc, fileName, text)}
        copyText={(text) => doc.defaultView!.navigator.clipboard.writeText(text)}
      />,
    );
  }

  // How many invoices this page showed: the popup says when a site is not understood (a count only;
  // no page text leaves the page).
  let seen = 0;
  const observer = new PageObserver({
    doc,
    readContext,
    onObserved: (observations) => {
      seen += observations.length;
      overlay.observed(observations);
    },
    onVanished: (rows) => overlay.vanished(rows),
  });
  if (setup.mapping) observer.setTaught(setup.mapping);
  observer.start();

  const teach = new TeachMode({
    doc,
    lang,
    readContext,
    save: async (mapping) => {
      await send({ type: 'saveSiteMapping', mapping });
      observer.setTaught(mapping);
    },
  });

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
    if (type === TAB_MESSAGES.startTeachMode) guard('teach.start', () => teach.start())();
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
    observer.stop();
    teach.stop();
    notes.close();
    reminder.close();
    listeners.abort();
    if (!options.send) browser.runtime.onMessage.removeListener(onMessage);
  };
  options.onInvalidated?.(stop);
  return { stop };
}

/** Opens a compose URL without navigating the page: a link clicked from inside our shadow root. */
function openUrl(doc: Document, url: string): void {
  const link = doc.createElement('a');
  link.href = url;
  if (!url.startsWith('mailto:')) {
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
  link.click();
}

/**
 * A printable letter in a new window, opened at once (within the click, or the browser blocks it)
 * and written when the text is ready, with DOM calls only (no HTML strings).
 */
function printLetter(doc: Document, letter: Promise<Letter>): void {
  const win = doc.defaultView?.open('', '_blank');
  if (!win) return;
  letter.then(
    guard('letter.write', (ready: Letter) => {
      writeLetter(win.document, ready);
      win.focus();
    }),
    () => win.close(),
  );
}
