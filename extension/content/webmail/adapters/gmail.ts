import { addressesIn, asAddress, fieldFromName, RecipientList } from './addresses';
import {
  ancestorWhere,
  closestWithin,
  composeRootsAround,
  outermost,
  queryAllWithin,
  slotAboveEditor,
} from './dom';
import { GMAIL_SELECTORS as S } from './gmail.selectors';
import type { ComposeProblem, Recipient, RecipientField, WebmailAdapter } from './types';

/**
 * Gmail (mail.google.com). What it relies on, as the mature Gmail libraries do (gmail.js,
 * InboxSDK): the editor carries `g_editable="true"` (a `contenteditable` `role=textbox` otherwise),
 * the subject is the form field `subjectbox`, recipient chips carry the address in
 * `data-hovercard-id` or `email`, older builds keep hidden `to`/`cc`/`bcc` fields, the send button
 * has the class `aoO` in the compose's send cell `.gU.Up`, the discard button `og`/`oh`. Labels and
 * tooltips are never read: they are translated.
 */
const BODY = S.body;
const SUBJECT = S.subject;
const SEND = S.send;
const DISCARD = S.discard;

export const gmailAdapter: WebmailAdapter = {
  name: 'gmail',

  handles: (host) => host === 'mail.google.com',

  findComposeRoots: (doc) => composeRootsAround(doc, BODY, composeRootOf),

  body(root) {
    return (outermost(queryAllWithin<HTMLElement>(root, BODY))[0] as HTMLElement | undefined) ?? null;
  },

  subject(root) {
    return root.querySelector<HTMLInputElement>(SUBJECT);
  },

  recipients(root) {
    const body = this.body(root);
    const list = new RecipientList();
    const outside = (el: Element) => !body?.contains(el) && !el.closest(S.from);
    for (const input of Array.from(root.querySelectorAll<HTMLInputElement>(S.hiddenFields))) {
      const field = fieldFromName(input.name) ?? 'unknown';
      for (const email of addressesIn(input.value)) list.add(email, field);
    }
    for (const chip of Array.from(root.querySelectorAll(S.chips))) {
      if (!outside(chip)) continue;
      const email = S.chipAddressAttributes.map((name) => asAddress(chip.getAttribute(name))).find(Boolean);
      if (email) list.add(email, fieldOf(chip, root));
    }
    return list.toArray() satisfies Recipient[];
  },

  isSendControl: (target, root) => closestWithin(target, SEND, root) !== null,

  isDiscardControl: (target, root) => closestWithin(target, DISCARD, root) !== null,

  isDiscardShortcut: (event) =>
    (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'd',

  panelSlot(root) {
    const body = this.body(root);
    return body ? slotAboveEditor(body, root) : null;
  },
  problems(root) {
    const found: ComposeProblem[] = [];
    const fields = root.querySelectorAll(`${S.rowInput}, ${S.hiddenFields}, ${S.chips}`);
    if (!Array.from(fields).some((f) => !f.closest(S.from) && !this.body(root)?.contains(f))) {
      found.push('recipients');
    }
    if (!root.querySelector(SEND)) found.push('send');
    return found;
  },
};

/**
 * The compose window around an editor: the dialog of a popup or full-screen compose, else the
 * smallest block holding the editor and its own subject field (an inline reply keeps a hidden
 * one), widened to take in the send button when the toolbar sits beside that block.
 */
function composeRootOf(editor: Element): Element | null {
  const dialog = editor.closest('[role="dialog"]');
  if (dialog?.querySelector(SUBJECT)) return dialog;
  const form = ancestorWhere(editor, (node) => node.querySelector(SUBJECT) !== null);
  if (!form) return null;
  if (form.querySelector(SEND)) return form;
  const widened = ancestorWhere(
    form,
    (node) => node.querySelector(SEND) !== null || node.querySelectorAll(SUBJECT).length > 1,
    6,
  );
  return widened && widened.querySelectorAll(SUBJECT).length === 1 ? widened : form;
}

/** `to`, `cc` or `bcc` from the recipient row's form name, else from its combobox's accessible name. */
function fieldOf(chip: Element, root: Element): RecipientField {
  const named = fieldFromName(closestWithin(chip, S.namedRow, root)?.getAttribute('name'));
  if (named) return named;
  const label = closestWithin(chip, S.row, root)?.querySelector(S.rowInput)?.getAttribute('aria-label');
  if (!label) return 'unknown';
  const words = label.toLowerCase().split(/[^\p{L}]+/u);
  if (words.some((w) => (S.bccWords as readonly string[]).includes(w))) return 'bcc';
  if (words.some((w) => (S.ccWords as readonly string[]).includes(w))) return 'cc';
  return 'to';
}
