// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caretRange, fillSubject, insertIntoEditor, textToHtml } from './insertText';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function editor(html = ''): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true" role="textbox">${html}</div>`;
  return document.body.firstElementChild as HTMLElement;
}

describe('textToHtml', () => {
  it('escapes, breaks lines and keeps the runs of spaces of the invoice table', () => {
    expect(textToHtml('Bonjour <Acme> & co,\n\nF-1   1 200,00 €')).toBe(
      'Bonjour &lt;Acme&gt; &amp; co,<br><br>F-1 &nbsp; 1 200,00 €',
    );
    expect(textToHtml('a  b')).toBe('a &nbsp;b');
  });
});

describe('caretRange', () => {
  it('uses the caret saved in the editor, else the start of the editor (above a quoted reply)', () => {
    const body = editor('<div>Hello</div><blockquote>quoted</blockquote>');
    const saved = document.createRange();
    saved.setStart(body.firstChild!.firstChild!, 5);
    expect(caretRange(body, saved)).toBe(saved);
    const start = caretRange(body, null);
    expect(start.startContainer).toBe(body);
    expect(start.startOffset).toBe(0);
    const outside = document.createRange();
    outside.setStart(document.body, 0);
    expect(caretRange(body, outside).startContainer).toBe(body);
  });
});

describe('insertIntoEditor', () => {
  it('goes through execCommand when the browser has it, and never inserts twice', () => {
    const body = editor('<br>');
    const exec = vi.fn((command: string, _ui: boolean, value: string) => {
      // The browser inserted the HTML but reports false (it happens with some editors).
      if (command === 'insertHTML') body.innerHTML = value + body.innerHTML;
      return false;
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    expect(insertIntoEditor(body, 'Bonjour,\nF-1', null)).toBe('insertHTML');
    expect(exec).toHaveBeenCalledTimes(1);
    expect(body.innerHTML).toContain('Bonjour,<br>F-1');
    Reflect.deleteProperty(document, 'execCommand');
  });

  it('falls back to beforeinput / input events the editor listens to, at the caret', () => {
    const body = editor('<div>Dear client,</div><div class="quote">quoted</div>');
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    const seen: string[] = [];
    body.addEventListener('beforeinput', (e) => seen.push(`before:${(e as InputEvent).inputType}`));
    body.addEventListener('input', (e) => seen.push(`input:${(e as InputEvent).data?.slice(0, 5)}`));
    const caret = document.createRange();
    caret.setStartAfter(body.firstChild!);
    caret.collapse(true);
    expect(insertIntoEditor(body, 'Line 1\nLine 2', caret)).toBe('events');
    expect(seen).toEqual(['before:insertFromPaste', 'input:Line ']);
    expect(body.textContent).toBe('Dear client,Line 1Line 2quoted');
    expect(body.querySelectorAll('br')).toHaveLength(1);
    Reflect.deleteProperty(document, 'execCommand');
  });

  it('lets an editor with its own model insert the text itself (beforeinput cancelled)', () => {
    const body = editor();
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    body.addEventListener('beforeinput', (e) => {
      e.preventDefault();
      body.textContent = (e as InputEvent).data;
    });
    expect(insertIntoEditor(body, 'Hello', null)).toBe('events');
    expect(body.textContent).toBe('Hello');
    Reflect.deleteProperty(document, 'execCommand');
  });
});

describe('fillSubject', () => {
  it('fills an empty subject as typing would and never overwrites one', () => {
    document.body.innerHTML = '<input name="subjectbox">';
    const input = document.querySelector('input')!;
    const events: string[] = [];
    input.addEventListener('input', () => events.push('input'));
    input.addEventListener('change', () => events.push('change'));
    expect(fillSubject(input, 'Rappel : facture F-1')).toBe(true);
    expect(input.value).toBe('Rappel : facture F-1');
    expect(events).toEqual(['input', 'change']);
    expect(fillSubject(input, 'Autre objet')).toBe(false);
    expect(input.value).toBe('Rappel : facture F-1');
  });
});
