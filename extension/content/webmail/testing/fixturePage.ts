import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// happy-dom replaces import.meta.url's scheme; __dirname is this folder.
const FIXTURES = join(__dirname, '../../../../e2e/fixtures/webmail');

export type FixtureName =
  | 'gmail.fr'
  | 'gmail.en'
  | 'outlook.fr'
  | 'outlook.en'
  | 'outlook-v9.fr'
  | 'outlook-v9.en'
  | 'gmail-2024.fr'
  | 'gmail-2024.en';

export interface FixtureState {
  sent: { recipients: string[]; subject: string; bodyText: string; bodyHtml: string }[];
  discarded: number;
  inputEvents: { inputType: string; field: string }[];
  openCompose(): HTMLElement;
  openReply(): HTMLElement;
  /** Fixtures of the newer generations only. */
  openForward?(): HTMLElement;
  openPopout?(): HTMLElement;
  /** Gmail: the same window moved into the full-screen layer. */
  toFullscreen?(compose: HTMLElement): HTMLElement;
}

/** Each webmail's behaviour runs once per test file; its state object is kept here. */
const behaviours = new Map<string, FixtureState>();

/**
 * Loads an e2e fixture page into the happy-dom document with its behaviour script (the same file
 * the e2e tests serve): compose windows open, chips form, send and discard remove the window.
 */
export function loadFixture(name: FixtureName): FixtureState {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  for (const script of Array.from(parsed.querySelectorAll('script'))) script.remove();
  for (const attr of Array.from(document.body.attributes)) document.body.removeAttribute(attr.name);
  for (const attr of Array.from(parsed.body.attributes)) document.body.setAttribute(attr.name, attr.value);
  document.body.innerHTML = parsed.body.innerHTML;
  // Every generation of a webmail shares its behaviour script (outlook-v9 → outlook.js).
  const webmail = name.split(/[.-]/)[0]!;
  // The behaviour listens on the document: once per test file, its state reset per page.
  const global = window as unknown as { __fixture: FixtureState };
  if (!behaviours.has(webmail)) {
    new Function(readFileSync(join(FIXTURES, `${webmail}.js`), 'utf8'))();
    behaviours.set(webmail, global.__fixture);
  }
  const state = behaviours.get(webmail)!;
  global.__fixture = state;
  state.sent.length = 0;
  state.inputEvents.length = 0;
  state.discarded = 0;
  return state;
}

/** Types an address in a recipient field and presses Enter, as a person would (the page makes the chip). */
export function typeRecipient(field: HTMLElement, address: string): void {
  field.focus();
  if (field instanceof HTMLInputElement) field.value = address;
  // Typed after the chips already inside the field (Outlook's newer wells hold them).
  else field.append(document.createTextNode(address));
  field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
}

/** A left click as a mouse makes it: mousedown, mouseup, click. */
export function mouseClick(el: Element): void {
  for (const type of ['mousedown', 'mouseup', 'click']) {
    el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, composed: true }));
  }
}

export function pressKeys(el: Element, key: string, modifiers: KeyboardEventInit = {}): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }));
}
