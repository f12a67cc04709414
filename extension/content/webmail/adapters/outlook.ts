import { addressesIn, RecipientList } from './addresses';
import {
  ancestorWhere,
  closestWithin,
  composeRootsAround,
  outermost,
  precedes,
  slotAboveEditor,
} from './dom';
import type { Recipient, RecipientField, WebmailAdapter } from './types';

/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com), popup or
 * full-page compose and the inline reply of the reading pane. What it relies on: the message body
 * is the contenteditable with `aria-multiline="true"` (the last one of a compose: the recipient
 * wells and the subject come before it); the subject is the compose's single-line text input
 * (Outlook caps it with `maxlength="255"`); each recipient well holds the field where addresses
 * are typed and the persona chips, whose address is in an attribute (`title`, accessible name,
 * `data-hovercard-id`...) or their text; wells come in the order To, Cc, Bcc. Send and discard are
 * recognised by Fluent's icon names and test ids, never by their (translated) labels.
 */
const BODY = 'div[contenteditable="true"][aria-multiline="true"]';
const TEXT_INPUTS = 'input:not([type]), input[type="text"], input[type="email"], input[type="search"]';
const TYPING_FIELDS = `${TEXT_INPUTS}, [contenteditable="true"]:not([aria-multiline="true"])`;
const BUTTONS = 'button, [role="button"]';
const SEND = '[data-testid="ComposeSendButton"], [data-icon-name="Send"], .ms-Button--primary';
const DISCARD = '[data-testid="ComposeDiscardButton"], [data-icon-name="Delete"]';
const ADDRESS_ATTRIBUTES = ['data-hovercard-id', 'email', 'data-email', 'title', 'aria-label'];
const FIELDS_IN_ORDER: RecipientField[] = ['to', 'cc', 'bcc'];

export const outlookAdapter: WebmailAdapter = {
  name: 'outlook',

  handles: (host) =>
    host === 'outlook.office.com' || host === 'outlook.office365.com' || host === 'outlook.live.com',

  findComposeRoots: (doc) => composeRootsAround(doc, BODY, composeRootOf),

  body(root) {
    const editors = outermost(Array.from(root.querySelectorAll<HTMLElement>(BODY)));
    return (editors.at(-1) as HTMLElement | undefined) ?? null;
  },

  subject(root) {
    return subjectOf(root, this.body(root));
  },

  recipients(root) {
    const body = this.body(root);
    const subject = subjectOf(root, body);
    const list = new RecipientList();
    wellsOf(root, body, subject).forEach((well, index) => {
      const field = FIELDS_IN_ORDER[index] ?? 'unknown';
      for (const email of addressesInWell(well.element, well.typing)) list.add(email, field);
    });
    return list.toArray() satisfies Recipient[];
  },

  isSendControl: (target, root) => controlMatches(target, root, SEND),

  isDiscardControl: (target, root) => controlMatches(target, root, DISCARD),

  // Outlook has no discard shortcut (Escape may ask first): the discard button and the closing say it.
  isDiscardShortcut: () => false,

  panelSlot(root) {
    const body = this.body(root);
    return body ? slotAboveEditor(body, root) : null;
  },
};

/** Landmarks of the surrounding app: a block holding one of them is bigger than a compose window. */
const APP_LANDMARKS = '[role="navigation"], [role="banner"], [role="search"], [role="complementary"]';
const MAX_DEPTH = 15;

/**
 * The compose window around a body: the smallest block that also holds the send button, or,
 * failing that, the smallest holding a recipient well or the subject. Never a block holding
 * another body or the app's landmarks (then it is not a compose window we understand: stay quiet).
 */
function composeRootOf(editor: Element): Element | null {
  const fitsOneCompose = (node: Element) =>
    !node.querySelector(APP_LANDMARKS) && outermost(Array.from(node.querySelectorAll(BODY))).length === 1;
  const withSend = ancestorWhere(
    editor,
    (node) => !fitsOneCompose(node) || hasControl(node, SEND),
    MAX_DEPTH,
  );
  if (withSend && fitsOneCompose(withSend)) return withSend;
  const withFields = ancestorWhere(
    editor,
    (node) =>
      !fitsOneCompose(node) ||
      Array.from(node.querySelectorAll(TYPING_FIELDS)).some((f) => precedes(f, editor)),
    MAX_DEPTH,
  );
  return withFields && fitsOneCompose(withFields) ? withFields : null;
}

function hasControl(scope: Element, selector: string): boolean {
  return scope.querySelector(selector) !== null;
}

/** A click anywhere in a button whose test id, icon or primary style says what it does. */
function controlMatches(target: Element, root: Element, selector: string): boolean {
  const button = closestWithin(target, BUTTONS, root);
  if (!button) return closestWithin(target, selector, root) !== null;
  // A button opening a menu (the arrow of the split Send button: send later...) does not act itself.
  if (button.getAttribute('aria-haspopup') === 'true') return false;
  return button.matches(selector) || button.querySelector(selector) !== null;
}

/** The single-line text field before the body that is not a recipient well's typing field. */
function subjectOf(root: Element, body: Element | null): HTMLInputElement | null {
  const inputs = Array.from(root.querySelectorAll<HTMLInputElement>(TEXT_INPUTS)).filter(
    (input) =>
      input.getAttribute('role') !== 'combobox' &&
      !input.hasAttribute('aria-autocomplete') &&
      (!body || precedes(input, body)),
  );
  return inputs.find((input) => input.getAttribute('maxlength') === '255') ?? inputs.at(-1) ?? null;
}

interface Well {
  element: Element;
  typing: Element;
}

/**
 * A recipient well is the largest block around one typing field that holds no other typing
 * field: its chips and the field where the next address is typed.
 */
function wellsOf(root: Element, body: Element | null, subject: Element | null): Well[] {
  const typing = Array.from(root.querySelectorAll(TYPING_FIELDS)).filter(
    (field) => field !== subject && !body?.contains(field) && (!body || precedes(field, body)),
  );
  return typing.map((field) => {
    let well: Element = field;
    while (well.parentElement && well.parentElement !== root) {
      const parent = well.parentElement;
      const others = Array.from(parent.querySelectorAll(TYPING_FIELDS)).some(
        (other) => other !== field && !field.contains(other) && other !== subject,
      );
      if (others || (subject && parent.contains(subject)) || (body && parent.contains(body))) break;
      well = parent;
    }
    return { element: well, typing: field };
  });
}

/** The chips' addresses: from their attributes, else from their text. */
function addressesInWell(well: Element, typing: Element): string[] {
  const found: string[] = [];
  const elements = [well, ...Array.from(well.querySelectorAll('*'))].filter(
    (el) => el !== typing && !typing.contains(el),
  );
  for (const el of elements) {
    for (const name of ADDRESS_ATTRIBUTES) {
      found.push(...addressesIn(el.getAttribute(name)));
    }
  }
  if (found.length > 0) return found;
  const text = elements
    .filter((el) => el.children.length === 0)
    .map((el) => el.textContent ?? '')
    .join(' ');
  return addressesIn(text);
}
