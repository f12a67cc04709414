/**
 * Puts text into the webmail's editor the way typing or pasting would, so the editor registers
 * it: its draft is saved, its undo works, its own listeners see an `input` event. First through
 * `execCommand` on the focused editor (it goes through the browser's editing pipeline and undo
 * stack), else through the `beforeinput`/`input` sequence an editor listens to.
 */

/**
 * Text as HTML: escaped, one line per line, runs of spaces kept (the invoice table is aligned with
 * them) the way editors keep them, alternating with no-break spaces.
 */
export function textToHtml(text: string): string {
  const lineToHtml = (line: string) =>
    line
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/ {2,}/g, (run) => ' &nbsp;'.repeat(Math.floor(run.length / 2)) + (run.length % 2 ? ' ' : ''));
  return text.replace(/\r\n?/g, '\n').split('\n').map(lineToHtml).join('<br>');
}

/** Where the caret should go: the saved range when it is still inside the editor, else its start. */
export function caretRange(body: HTMLElement, saved: Range | null): Range {
  const doc = body.ownerDocument;
  if (saved?.startContainer.isConnected && body.contains(saved.startContainer)) return saved;
  const range = doc.createRange();
  range.setStart(body, 0);
  range.collapse(true);
  return range;
}

function select(range: Range): void {
  const selection = range.startContainer.ownerDocument?.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

function execCommand(doc: Document, command: string, value: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand(command, false, value);
  } catch {
    return false;
  }
}

export type InsertMethod = 'insertHTML' | 'insertText' | 'events';

/**
 * Inserts `text` at the caret (or the saved range) of a contenteditable editor. Returns how it
 * went in, or null when nothing could be inserted.
 */
export function insertIntoEditor(body: HTMLElement, text: string, saved: Range | null): InsertMethod | null {
  const doc = body.ownerDocument;
  const before = body.innerHTML;
  // Once the editor changed, never try another way: the text would go in twice.
  const changed = () => body.innerHTML !== before;
  body.focus();
  select(caretRange(body, saved));
  if (execCommand(doc, 'insertHTML', textToHtml(text)) && changed()) return 'insertHTML';
  if (changed()) return 'insertHTML';
  if (execCommand(doc, 'insertText', text) && changed()) return 'insertText';
  if (changed()) return 'insertText';
  insertWithEvents(body, text, saved);
  return changed() ? 'events' : null;
}

/**
 * What an editor sees when text is pasted: a cancellable `beforeinput` (an editor with its own
 * model inserts it itself and cancels), then the DOM change and an `input` event.
 */
function insertWithEvents(body: HTMLElement, text: string, saved: Range | null): void {
  const doc = body.ownerDocument;
  const win = doc.defaultView;
  if (!win) return;
  const range = caretRange(body, saved);
  const init = { bubbles: true, cancelable: true, composed: true, inputType: 'insertFromPaste', data: text };
  const proceed = body.dispatchEvent(new win.InputEvent('beforeinput', init));
  if (proceed) {
    const fragment = doc.createDocumentFragment();
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .forEach((line, i) => {
        if (i > 0) fragment.append(doc.createElement('br'));
        if (line) fragment.append(doc.createTextNode(line));
      });
    const last = fragment.lastChild;
    range.deleteContents();
    range.insertNode(fragment);
    if (last) {
      const after = doc.createRange();
      after.setStartAfter(last);
      after.collapse(true);
      select(after);
    }
  }
  body.dispatchEvent(new win.InputEvent('input', { ...init, cancelable: false }));
}

/**
 * Fills an empty subject field as typing would: `execCommand('insertText')` in the focused field,
 * else the native value setter (frameworks watch it) followed by `input` and `change`.
 * Returns false when the field already had a subject (never overwritten).
 */
export function fillSubject(input: HTMLInputElement, subject: string): boolean {
  if (input.value.trim() !== '' || !subject) return false;
  const doc = input.ownerDocument;
  input.focus();
  input.select?.();
  if (execCommand(doc, 'insertText', subject) && input.value === subject) return true;
  const win = doc.defaultView;
  const setter = win && Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, subject);
  else input.value = subject;
  const EventCtor = win?.InputEvent ?? InputEvent;
  input.dispatchEvent(new EventCtor('input', { bubbles: true, inputType: 'insertText', data: subject }));
  input.dispatchEvent(new (win?.Event ?? Event)('change', { bubbles: true }));
  return true;
}
