import { addressesIn, RecipientList } from './addresses';
import { ancestorWhere, composeRootsAround, outermost, precedes, slotAboveEditor } from './dom';
import { OUTLOOK_SELECTORS as S } from './outlook.selectors';
import type { ComposeProblem, Recipient, RecipientField, WebmailAdapter } from './types';

/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com): the compose of
 * the reading pane, popped out, inline reply and forward, Fluent v8 and v9 markup. Every selector
 * and name lives in outlook.selectors.ts; this file is the reading logic.
 */
const FIELDS_IN_ORDER: RecipientField[] = ['to', 'cc', 'bcc'];
const MAX_DEPTH = 15;

export const outlookAdapter: WebmailAdapter = {
  name: 'outlook',
  handles: (host) =>
    host === 'outlook.office.com' || host === 'outlook.office365.com' || host === 'outlook.live.com',
  findComposeRoots: (doc) => composeRootsAround(doc, S.body, composeRootOf),
  body(root) {
    const editors = outermost(Array.from(root.querySelectorAll<HTMLElement>(S.body)));
    return (editors.at(-1) as HTMLElement | undefined) ?? null;
  },
  subject(root) {
    return subjectOf(root, this.body(root));
  },
  recipients(root) {
    const body = this.body(root);
    const list = new RecipientList();
    wellsOf(root, body, subjectOf(root, body)).forEach((well, index) => {
      const field = fieldOfTyping(well.typing) ?? FIELDS_IN_ORDER[index] ?? 'unknown';
      for (const email of addressesInWell(well.element, well.typing)) list.add(email, field);
    });
    return list.toArray() satisfies Recipient[];
  },
  isSendControl: (target, root) => controlMatches(target, root, S.send),
  isDiscardControl: (target, root) => controlMatches(target, root, S.discard),
  // Outlook has no discard shortcut (Escape may ask first): the discard button and the closing say it.
  isDiscardShortcut: () => false,
  panelSlot(root) {
    const body = this.body(root);
    return body ? slotAboveEditor(body, root) : null;
  },
  problems(root) {
    const body = this.body(root);
    const found: ComposeProblem[] = [];
    if (wellsOf(root, body, subjectOf(root, body)).length === 0) found.push('recipients');
    if (!buttonsOf(root).some((b) => isControl(b, S.send))) found.push('send');
    return found;
  },
};

type Control = typeof S.send | typeof S.discard;

function buttonsOf(scope: Element): Element[] {
  return Array.from(scope.querySelectorAll(S.buttons));
}

/**
 * The compose window around a body: the smallest block that also holds the send button, or,
 * failing that, the smallest holding a recipient well or the subject. Never a block holding
 * another body or the app's landmarks (then it is not a compose window we understand: stay quiet).
 */
function composeRootOf(editor: Element): Element | null {
  const fitsOneCompose = (node: Element) =>
    !node.querySelector(S.appLandmarks) && outermost(Array.from(node.querySelectorAll(S.body))).length === 1;
  const withSend = ancestorWhere(
    editor,
    (node) => !fitsOneCompose(node) || buttonsOf(node).some((b) => isControl(b, S.send)),
    MAX_DEPTH,
  );
  if (withSend && fitsOneCompose(withSend)) return withSend;
  const withFields = ancestorWhere(
    editor,
    (node) =>
      !fitsOneCompose(node) ||
      Array.from(node.querySelectorAll(S.typingFields)).some((f) => precedes(f, editor)),
    MAX_DEPTH,
  );
  return withFields && fitsOneCompose(withFields) ? withFields : null;
}

/** A click anywhere in a button whose test id, icon or (last) exact label says what it does. */
function controlMatches(target: Element, root: Element, control: Control): boolean {
  const button = target.closest(S.buttons);
  if (!button || !root.contains(button)) return false;
  return isControl(button, control);
}

function isControl(button: Element, control: Control): boolean {
  // A button opening a menu (the arrow of the split Send button: send later...) does not act itself.
  const popup = button.getAttribute('aria-haspopup');
  if (popup && popup !== 'false') return false;
  const testId = button.getAttribute('data-testid');
  if (testId && (control.testIds as readonly string[]).includes(testId)) return true;
  for (const el of [button, ...Array.from(button.querySelectorAll('*'))]) {
    if (el !== button && el.matches(S.buttons)) continue;
    if (hasIcon(el, control.icons)) return true;
  }
  return labelOf(button).some((label) => (control.labels as readonly string[]).includes(label));
}

function hasIcon(el: Element, icons: readonly string[]): boolean {
  for (const name of S.iconAttributes) {
    const value = el.getAttribute(name);
    if (value && icons.includes(value)) return true;
  }
  // Fluent v9 names the svg by class (`SendRegular`), Fluent v8 font icons by `ms-Icon--Send`.
  const classes = el.getAttribute('class');
  return !!classes && classes.split(/\s+/).some((c) => icons.includes(c.replace(S.iconClassPrefix, '')));
}

/** "Envoyer (Ctrl+Entrée)" → "envoyer": the button's name without its shortcut, lower-cased. */
function labelOf(button: Element): string[] {
  const names = [button.getAttribute('aria-label'), button.getAttribute('title')];
  if (button.children.length <= 3) names.push(button.textContent);
  return names
    .map((n) =>
      (n ?? '')
        .replace(/\(.*\)/g, '')
        .replace(/[\u200e\u200f\u202a-\u202e]/g, '')
        .trim()
        .toLowerCase(),
    )
    .filter(Boolean);
}

/** The single-line text field before the body that is not a recipient typing field. */
function subjectOf(root: Element, body: Element | null): HTMLInputElement | null {
  const inputs = Array.from(root.querySelectorAll<HTMLInputElement>(S.textInputs)).filter(
    (input) =>
      input.getAttribute('role') !== 'combobox' &&
      !input.hasAttribute('aria-autocomplete') &&
      (!body || precedes(input, body)),
  );
  return (
    inputs.find((input) => input.getAttribute('maxlength') === S.subjectMaxLength) ?? inputs.at(-1) ?? null
  );
}

/** The field a typing field is, from its accessible name ("À", "Cc", "Bcc recipients"...), Bcc first. */
function fieldOfTyping(typing: Element): RecipientField | null {
  const labelledBy = typing.getAttribute('aria-labelledby');
  const byId = labelledBy
    ? typing.ownerDocument.getElementById(labelledBy.split(/\s+/)[0]!)?.textContent
    : null;
  const words = `${typing.getAttribute('aria-label') ?? ''} ${byId ?? ''}`.toLowerCase().split(/[^\p{L}]+/u);
  for (const field of ['bcc', 'cc', 'to'] as const) {
    if (words.some((w) => (S.fieldNames[field] as readonly string[]).includes(w))) return field;
  }
  return null;
}

interface Well {
  element: Element;
  typing: Element;
}

/**
 * A recipient well is the largest block around one typing field that holds no other typing
 * field: the chips (beside the field or inside it) and the field where the next address is typed.
 */
function wellsOf(root: Element, body: Element | null, subject: Element | null): Well[] {
  const typing = outermost(
    Array.from(root.querySelectorAll(S.typingFields)).filter(
      (field) => field !== subject && !body?.contains(field) && (!body || precedes(field, body)),
    ),
  );
  return typing.map((field) => {
    let well: Element = field;
    while (well.parentElement && well.parentElement !== root) {
      const parent = well.parentElement;
      const others = typing.some((other) => other !== field && parent.contains(other));
      if (others || (subject && parent.contains(subject)) || (body && parent.contains(body))) break;
      well = parent;
    }
    return { element: well, typing: field };
  });
}

/**
 * The chips' addresses, from their attributes (`title`, accessible name, any `data-*`) and their
 * text ("Name <address>"). What is still being typed (the typing field's own text) is not a
 * recipient yet.
 */
function addressesInWell(well: Element, typing: Element): string[] {
  const found: string[] = [];
  for (const el of [well, ...Array.from(well.querySelectorAll('*'))]) {
    if (el === typing) continue;
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith('data-') || (S.addressAttributes as readonly string[]).includes(attr.name)) {
        found.push(...addressesIn(attr.value.replace(/^mailto:/i, '')));
      }
    }
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) found.push(...addressesIn(node.textContent));
    }
  }
  return found;
}
