/**
 * Every structure the Outlook on the web adapter relies on, in one table, each line proven by the
 * fixtures under e2e/fixtures/webmail/ (outlook.* : Fluent v8 "ms-" markup, chips beside the
 * typing field; outlook-v9.* : Fluent v9 plain buttons, chips inside the To field's own
 * contenteditable, popped-out window, forward). When Outlook changes, this is the file to edit.
 *
 * Words (labels, titles) are only a last resort for the send and discard buttons, and only these
 * exact ones, in the languages Outlook is read in here: structure first.
 */
export const OUTLOOK_SELECTORS = {
  /** The message body: the multi-line editor (the last one of a compose: wells and subject come first). */
  body: 'div[contenteditable="true"][aria-multiline="true"]',
  /** Single-line text fields: the subject, and the recipient typing fields of older builds. */
  textInputs: 'input:not([type]), input[type="text"], input[type="email"], input[type="search"]',
  /** Where an address is typed: an input, or a single-line contenteditable (chips may sit inside it). */
  typingFields:
    'input:not([type]), input[type="text"], input[type="email"], input[type="search"], [contenteditable="true"]:not([aria-multiline="true"])',
  buttons: 'button, [role="button"]',
  /** Landmarks of the app around a compose: a block holding one is bigger than a compose window. */
  appLandmarks: '[role="navigation"], [role="banner"], [role="search"], [role="complementary"]',
  send: {
    testIds: ['ComposeSendButton'],
    /** Fluent v8 `data-icon-name`, Fluent v9 icon component names (as attribute or class). */
    icons: ['Send', 'SendRegular', 'SendFilled', 'Send20Regular', 'Send24Regular', 'Send20Filled'],
    labels: ['envoyer', 'send', 'senden', 'enviar', 'invia', 'verzenden'],
  },
  discard: {
    testIds: ['ComposeDiscardButton'],
    icons: ['Delete', 'DeleteRegular', 'DeleteFilled', 'Delete20Regular', 'Delete24Regular'],
    labels: ['ignorer', 'discard', 'verwerfen', 'descartar', 'elimina', 'negeren'],
  },
  /** Attributes an icon name is found in (v8 `data-icon-name`; v9 builds name the svg by class). */
  iconAttributes: ['data-icon-name', 'data-icon', 'icon-name'],
  /** Fluent v8 font icons carry their name as a class after this prefix. */
  iconClassPrefix: /^ms-Icon--/,
  /** Attributes a chip keeps its address in (any `data-*` attribute is read too). */
  addressAttributes: ['title', 'aria-label', 'email', 'href'],
  /** A typing field's accessible name says which field it is (fr, en); else wells come To, Cc, Bcc. */
  fieldNames: {
    to: ['à', 'to'],
    cc: ['cc'],
    bcc: ['cci', 'bcc'],
  },
  /** The subject field Outlook caps at this length (preferred when several inputs precede the body). */
  subjectMaxLength: '255',
} as const;
