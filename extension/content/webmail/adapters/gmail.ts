import { addressesIn, asAddress, fieldFromName, RecipientList } from './addresses';
import {
  ancestorWhere,
  closestWithin,
  composeRootsAround,
  outermost,
  queryAllWithin,
  slotAboveEditor,
} from './dom';
import type { Recipient, RecipientField, WebmailAdapter } from './types';

/**
 * Gmail (mail.google.com). What it relies on, as the mature Gmail libraries do (gmail.js,
 * InboxSDK): the editor carries `g_editable="true"` (a `contenteditable` `role=textbox` otherwise),
 * the subject is the form field `subjectbox`, recipient chips carry the address in
 * `data-hovercard-id` or `email`, older builds keep hidden `to`/`cc`/`bcc` fields, the send button
 * has the class `aoO` in the compose's send cell `.gU.Up`, the discard button `og`/`oh`. Labels and
 * tooltips are never read: they are translated.
 */
const BODY = '[g_editable="true"], div[contenteditable="true"][role="textbox"]';
const SUBJECT = 'input[name="subjectbox"]';
const SEND = '.aoO[role="button"], .gU.Up [role="button"]:not([aria-haspopup="true"])';
const DISCARD = '.og[role="button"], .oh[role="button"]';
const CHIPS = '[data-hovercard-id], [email]';
const HIDDEN_FIELDS =
  'input[type="hidden"][name="to"], input[type="hidden"][name="cc"], input[type="hidden"][name="bcc"]';
/** The sender's own address lives in the `from` field: never a recipient. */
const FROM = '[name="from"]';

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
    const outside = (el: Element) => !body?.contains(el) && !el.closest(FROM);
    for (const input of Array.from(root.querySelectorAll<HTMLInputElement>(HIDDEN_FIELDS))) {
      const field = fieldFromName(input.name) ?? 'unknown';
      for (const email of addressesIn(input.value)) list.add(email, field);
    }
    for (const chip of Array.from(root.querySelectorAll(CHIPS))) {
      if (!outside(chip)) continue;
      const email =
        asAddress(chip.getAttribute('data-hovercard-id')) ?? asAddress(chip.getAttribute('email'));
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

/** `to`, `cc` or `bcc` from the recipient row's form name, when the row carries one. */
function fieldOf(chip: Element, root: Element): RecipientField {
  const named = closestWithin(chip, '[name]', root);
  return fieldFromName(named?.getAttribute('name')) ?? 'unknown';
}
