import { formatDateLong } from '@relance/shared/format';
import type { Language } from '@relance/shared/vocabulary';

/** A reminder or a formal notice laid out as a letter to print (or save as PDF from the print dialog). */
export interface Letter {
  lang: Language;
  title: string;
  /** "Lettre recommandée avec accusé de réception" for a formal notice. */
  mention?: string;
  recipient: string;
  date: string;
  subject: string;
  body: string;
  printLabel: string;
}

export function makeLetter(input: {
  lang: Language;
  title: string;
  mention?: string;
  recipient: string;
  today: string;
  subject: string;
  body: string;
  printLabel: string;
}): Letter {
  const { today, ...rest } = input;
  return { ...rest, date: formatDateLong(today, input.lang) };
}

const LETTER_CSS = `
@page { size: A4; margin: 25mm 20mm; }
body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #000; max-width: 170mm; margin: 2em auto; }
.mention { font-weight: bold; text-transform: uppercase; font-size: 10pt; }
.recipient { margin: 2em 0 1em 55%; white-space: pre-wrap; }
.date { margin: 0 0 2em 55%; }
.subject { font-weight: bold; margin-bottom: 1.5em; }
.body { white-space: pre-wrap; }
.toolbar { margin-bottom: 2em; font-family: system-ui, sans-serif; }
@media print { .toolbar { display: none; } }
`;

/**
 * Writes the letter into `doc` (a blank window opened for printing) with DOM calls only: every
 * text is set as text, so nothing typed or scraped can become markup.
 */
export function writeLetter(doc: Document, letter: Letter): void {
  doc.documentElement.lang = letter.lang;
  doc.title = `${letter.title} · ${letter.recipient}`;
  const head = doc.head ?? doc.documentElement.appendChild(doc.createElement('head'));
  const style = doc.createElement('style');
  style.textContent = LETTER_CSS;
  head.append(style);
  const body = doc.body ?? doc.documentElement.appendChild(doc.createElement('body'));
  body.replaceChildren();

  const block = (className: string, text: string, tag = 'div') => {
    const el = doc.createElement(tag);
    el.className = className;
    el.textContent = text;
    body.append(el);
    return el;
  };
  const toolbar = block('toolbar', '');
  const print = doc.createElement('button');
  print.type = 'button';
  print.textContent = letter.printLabel;
  print.addEventListener('click', () => doc.defaultView?.print());
  toolbar.append(print);
  if (letter.mention) block('mention', letter.mention);
  block('recipient', letter.recipient);
  block('date', letter.date);
  block('subject', letter.subject);
  block('body', letter.body);
}
