import type { Language } from '@relance/shared/vocabulary';
import type { InvoicePolicyView, Send } from '../../lib/messages';
import { FloatingPanel, PANEL_CSS, SIDE_PANEL_CSS } from '../shared/floating';
import { guard } from '../shared/guard';
import { pageLocale } from '../shared/language';
import { parsingLanguage } from './adapters/parsing';
import type { TaughtMapping } from './adapters/taught';
import type { InvoiceOnPage, ReadContext } from './adapters/types';
import { NotesPanel } from './panel/NotesPanel';
import { type Letter, writeLetter } from './remind/letter';
import { downloadText, printText } from './remind/printWindow';
import { ReminderDialog } from './remind/ReminderDialog';
import { overlayTranslator } from './strings';
import { TeachMode } from './teach/teachMode';

export interface InvoicingUiOptions {
  doc: Document;
  send: Send;
  lang: Language;
  readContext: () => ReadContext;
  /** A note, a reminder or a pause changed this client's invoices: their badges ask again. */
  onClientChanged: (clientId: string) => void;
  saveMapping: (mapping: TaughtMapping) => Promise<void>;
}

/** What a person opens from a badge or the popup; loaded the first time one of them is needed. */
export interface InvoicingUi {
  openNotes(observation: InvoiceOnPage, view: InvoicePolicyView): void;
  openReminder(view: InvoicePolicyView): void;
  startTeachMode(): void;
  stop(): void;
}

/**
 * The notes panel, the reminder dialog (its letters and prints) and the teach mode. They are most
 * of the overlay's code and most pages never open them, so they are built apart
 * (`invoicing-ui.js`, see `uiLoader.ts`), with their own copy of Preact: the badges need none.
 */
export function createInvoicingUi(options: InvoicingUiOptions): InvoicingUi {
  const { doc, send, lang } = options;
  // Docked beside the list, clear of the host's columns (the page makes room for it).
  const notes = new FloatingPanel(doc, 'relance-notes-panel', SIDE_PANEL_CSS, 'side');
  const reminder = new FloatingPanel(doc, 'relance-reminder', PANEL_CSS);
  const teach = new TeachMode({ doc, lang, readContext: options.readContext, save: options.saveMapping });

  return {
    openNotes(observation, view) {
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
          onChanged={() => options.onClientChanged(view.clientId)}
        />,
      );
    },
    openReminder(view) {
      notes.close();
      reminder.show(
        <ReminderDialog
          key={view.invoiceId}
          send={send}
          lang={lang}
          invoiceIds={[view.invoiceId]}
          onClose={() => reminder.close()}
          pageLanguage={parsingLanguage(pageLocale(doc))}
          onLogged={(prepared) => options.onClientChanged(prepared.clientId)}
          openUrl={(url) => openUrl(doc, url)}
          printLetter={(letter) => printLetter(doc, letter)}
          printText={(title, text) => printText(doc, title, text, overlayTranslator(lang)('printButton'))}
          download={(fileName, text) => downloadText(doc, fileName, text)}
          copyText={(text) => doc.defaultView!.navigator.clipboard.writeText(text)}
        />,
      );
    },
    startTeachMode: () => teach.start(),
    stop() {
      teach.stop();
      notes.close();
      reminder.close();
    },
  };
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
