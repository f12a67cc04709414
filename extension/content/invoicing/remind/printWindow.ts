/**
 * Text to print or keep, without HTML strings: the collections file opens in a window of its own
 * (printed from there) or is offered as a text file. Both are made from inside the click, or the
 * browser blocks them.
 */
export function printText(doc: Document, title: string, text: string, printLabel: string): void {
  const win = doc.defaultView?.open('', '_blank');
  if (!win) return;
  const page = win.document;
  page.title = title;
  const style = page.createElement('style');
  style.textContent = `body { font: 10pt/1.45 ui-monospace, Menlo, Consolas, monospace; margin: 15mm; }
pre { white-space: pre-wrap; } @media print { button { display: none; } }`;
  (page.head ?? page.documentElement).append(style);
  const body = page.body ?? page.documentElement.appendChild(page.createElement('body'));
  body.replaceChildren();
  const button = page.createElement('button');
  button.type = 'button';
  button.textContent = printLabel;
  button.addEventListener('click', () => win.print());
  const pre = page.createElement('pre');
  pre.setAttribute('data-relance-part', 'collections-file');
  pre.textContent = text;
  body.append(button, pre);
  win.focus();
}

export function downloadText(doc: Document, fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName.replace(/[\\/:*?"<>|]+/g, ' ');
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
