import type { LetterData } from '../../../lib/messages';

/**
 * A reminder or a formal notice laid out as a real business letter, to print (or save as PDF from
 * the print dialog), with DOM calls only: every text is set as text, nothing typed or scraped can
 * become markup.
 *
 * French layout (NF Z 11-001 habits, window envelope DL with the window on the right): the sender
 * top left, the recipient with its postal address in the window (about 45 mm from the top, 100 mm
 * from the left), "Lyon, le 1er décembre 2026", the registered-mail mention once, one "Objet", the
 * text with its invoice table, the payment box with the SEPA transfer QR code, a legal footer.
 * English (UK) layout: the recipient on the left, where a UK window envelope shows it.
 */
export interface Letter extends LetterData {
  /** The window's title. */
  title: string;
  printLabel: string;
  /** Said above the letter, on screen only. */
  hint?: string;
}

const TABLE_MARK = /^\[\[relance:invoice-table\]\](:penalties)?$/;

// Positions in print are from the page area: with a 15 mm top and 22 mm left margin, the recipient
// sits 45 mm from the top and 110 mm from the left edge of the sheet, in a French DL window.
const LETTER_CSS = `
@page { size: A4; margin: 15mm 18mm 10mm 22mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font: 10pt/1.4 Georgia, 'Times New Roman', serif; color: #000; background: #f3f4f6; }
.sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 15mm 18mm 24mm 22mm; background: #fff;
  position: relative; }
.sender { white-space: pre-line; font-size: 9.5pt; max-width: 80mm; min-height: 26mm; }
.sender .name { font-weight: bold; font-size: 10.5pt; }
.recipient { position: absolute; top: 45mm; left: 110mm; width: 85mm; min-height: 30mm; white-space: pre-line; }
.layout-en .recipient { left: 22mm; }
.layout-en .sender { margin-left: 100mm; text-align: right; }
.date { margin-top: 32mm; text-align: right; }
.mention { margin-top: 3mm; font-weight: bold; text-transform: uppercase; font-size: 9pt; letter-spacing: .02em; }
.subject { margin: 5mm 0 4mm; font-weight: bold; }
.body { outline: none; }
.body p { margin: 0 0 2.4mm; white-space: pre-wrap; }
table.invoices { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 9pt;
  font-variant-numeric: tabular-nums; }
table.invoices th, table.invoices td { padding: 1mm 1.6mm; border-bottom: .3mm solid #999; text-align: left;
  white-space: nowrap; }
table.invoices th { border-bottom: .5mm solid #000; font-weight: bold; }
table.invoices .amount { text-align: right; }
table.invoices tr.total td { font-weight: bold; border-bottom: none; border-top: .5mm solid #000; }
.payment { display: flex; gap: 4mm; align-items: center; border: .3mm solid #000; padding: 2.5mm 3mm;
  float: right; width: 108mm; margin: 0 0 2mm 4mm; break-inside: avoid; }
.body::after { content: ''; display: block; clear: both; }
.payment svg { width: 28mm; height: 28mm; flex: none; }
.payment .lines { white-space: pre-line; font-size: 9pt; }
.payment .caption { font-size: 8pt; color: #333; margin-top: 1.5mm; }
.footer { position: absolute; left: 22mm; right: 18mm; bottom: 10mm; border-top: .3mm solid #999; padding-top: 1.5mm;
  font-size: 7.5pt; color: #333; text-align: center; white-space: pre-line; }
.toolbar { width: 210mm; margin: 0 auto; padding: 8px 0; font: 13px system-ui, sans-serif; display: flex; gap: 12px;
  align-items: center; }
@media print {
  body { background: #fff; }
  .toolbar { display: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0 0 16mm; }
  .recipient { top: 30mm; left: 88mm; }
  .layout-en .recipient { left: 0; }
  /* The legal footer at the foot of every page (the sheet keeps room for it). */
  .footer { position: fixed; left: 0; right: 0; bottom: 0; }
}
`;

export function writeLetter(doc: Document, letter: Letter): void {
  doc.documentElement.lang = letter.lang;
  doc.title = `${letter.title} · ${letter.recipient.name}`;
  const head = doc.head ?? doc.documentElement.appendChild(doc.createElement('head'));
  const style = doc.createElement('style');
  style.textContent = LETTER_CSS;
  head.append(style);
  const body = doc.body ?? doc.documentElement.appendChild(doc.createElement('body'));
  body.replaceChildren();

  const el = (tag: string, className: string, text?: string, parent: Element = body) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    parent.append(node);
    return node;
  };

  const toolbar = el('div', 'toolbar');
  const print = el('button', '', letter.printLabel, toolbar) as HTMLButtonElement;
  print.type = 'button';
  print.addEventListener('click', () => doc.defaultView?.print());
  if (letter.hint) el('span', 'hint', letter.hint, toolbar);

  const sheet = el('div', `sheet layout-${letter.layout}`);
  const sender = el('div', 'sender', undefined, sheet);
  const [name, ...rest] = letter.sender;
  if (name) el('div', 'name', name, sender);
  if (rest.length) el('div', '', rest.join('\n'), sender);
  el('div', 'recipient', [letter.recipient.name, ...letter.recipient.address].join('\n'), sheet);
  el('div', 'date', letter.placeAndDate, sheet);
  if (letter.mention) el('div', 'mention', letter.mention, sheet);
  el('div', 'subject', letter.subject, sheet);

  // The text, editable before printing; the invoice table stands where the template put it.
  const text = el('div', 'body', undefined, sheet);
  text.setAttribute('contenteditable', 'true');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) el('p', '', paragraph.join('\n'), text);
    paragraph = [];
  };
  for (const line of letter.body.split('\n')) {
    const mark = TABLE_MARK.exec(line.trim());
    if (mark) {
      flush();
      text.append(
        invoiceTable(doc, mark[1] ? letter.table.withPenalties : letter.table.columns, letter.table.count),
      );
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();

  if (letter.payment) {
    // Beside the signature (the text's last paragraph), so that a letter keeps to one sheet.
    const box = doc.createElement('div');
    box.className = 'payment';
    box.setAttribute('contenteditable', 'false');
    if (letter.payment.qr) box.append(qrSvg(doc, letter.payment.qr));
    const lines = el('div', '', undefined, box);
    el('div', 'lines', letter.payment.lines.join('\n'), lines);
    if (letter.payment.qr) el('div', 'caption', letter.payment.qrCaption, lines);
    const signature = text.lastElementChild;
    if (signature) text.insertBefore(box, signature);
    else text.append(box);
  }
  if (letter.footer.length) el('div', 'footer', letter.footer.join('\n'), sheet);
}

/** The invoice table as a real table: amounts right-aligned, a total row under several invoices. */
function invoiceTable(
  doc: Document,
  columns: LetterData['table']['columns'],
  count: number,
): HTMLTableElement {
  const table = doc.createElement('table');
  table.className = 'invoices';
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = doc.createElement('th');
    th.textContent = column.header;
    if (column.alignRight) th.className = 'amount';
    head.append(th);
  }
  const rows = table.createTBody();
  const total = columns[0]!.cells.length > count;
  for (let i = 0; i < count + (total ? 1 : 0); i++) {
    const row = rows.insertRow();
    if (i === count) row.className = 'total';
    for (const column of columns) {
      const cell = row.insertCell();
      cell.textContent = column.cells[i] ?? '';
      if (column.alignRight) cell.className = 'amount';
    }
  }
  return table;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The QR code's modules as one SVG path (numbers only), with a quiet zone of 4 modules. */
function qrSvg(doc: Document, modules: boolean[][]): SVGSVGElement {
  const size = modules.length + 8;
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  svg.setAttribute('data-relance-part', 'payment-qr');
  const background = doc.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  svg.append(background);
  let d = '';
  for (const [y, row] of modules.entries()) {
    for (const [x, dark] of row.entries()) if (dark) d += `M${x + 4} ${y + 4}h1v1h-1z`;
  }
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(path);
  return svg;
}
