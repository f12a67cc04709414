/**
 * Every structure the Gmail adapter relies on, in one table, each line proven by the fixtures
 * under e2e/fixtures/webmail/ (gmail.* : popup compose with hidden `to`/`cc` fields and the
 * inline reply; gmail-2024.* : newer chips `role=option` with `data-hovercard-id`, no hidden
 * fields, Cc and Bcc rows, full-screen and popped-out compose, forward). The same structures the
 * maintained Gmail libraries rely on (gmail.js, InboxSDK): `g_editable`, `subjectbox`, `aoO`, `og`.
 */
export const GMAIL_SELECTORS = {
  body: '[g_editable="true"], div[contenteditable="true"][role="textbox"]',
  subject: 'input[name="subjectbox"]',
  /** The send button (class `aoO`) in the compose's send cell `.gU.Up`; not the arrow opening a menu. */
  send: '.aoO[role="button"], .gU.Up [role="button"]:not([aria-haspopup="true"])',
  discard: '.og[role="button"], .oh[role="button"]',
  /** Chips keep the address in `data-hovercard-id` (older builds: `email`). */
  chips: '[data-hovercard-id], [email]',
  chipAddressAttributes: ['data-hovercard-id', 'email'],
  hiddenFields:
    'input[type="hidden"][name="to"], input[type="hidden"][name="cc"], input[type="hidden"][name="bcc"]',
  /** The sender's own address lives in the `from` field: never a recipient. */
  from: '[name="from"]',
  /** A recipient row (older builds name it `to`/`cc`/`bcc`). */
  namedRow: '[name]',
  /** A row without a name: its combobox's accessible name says which field it is. */
  row: '.aoD, .GS',
  rowInput: 'input[role="combobox"], input[aria-autocomplete]',
  /** Words of that accessible name, Bcc tested before Cc (fr "Cci", en "Bcc"). */
  bccWords: ['cci', 'bcc'],
  ccWords: ['cc'],
} as const;
