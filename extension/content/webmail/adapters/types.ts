/**
 * A webmail adapter reads compose windows through the page's structure (attributes, roles, form
 * field names), never through its words: the same code reads a French and an English inbox.
 */
export type WebmailName = 'gmail' | 'outlook';

export type RecipientField = 'to' | 'cc' | 'bcc' | 'unknown';

export interface Recipient {
  /** Lower-cased address. */
  email: string;
  field: RecipientField;
}

/** Where the compose panel is inserted: before `before` in `parent` (append when null). */
export interface PanelSlot {
  parent: Element;
  before: Node | null;
}

export interface WebmailAdapter {
  /** Also the channel the reminder activity is logged with. */
  readonly name: WebmailName;
  /** True for the hosts this webmail lives on. */
  handles(host: string): boolean;
  /** Every open compose window (popup, full screen, inline reply), outermost element of each. */
  findComposeRoots(doc: Document): Element[];
  /** The message body editor (contenteditable). */
  body(root: Element): HTMLElement | null;
  /** The subject field (an inline reply may keep it hidden). */
  subject(root: Element): HTMLInputElement | null;
  /** To, Cc and Bcc, without duplicates, in the order shown. */
  recipients(root: Element): Recipient[];
  /** The click on `target` sends the message. */
  isSendControl(target: Element, root: Element): boolean;
  /** The click on `target` throws the draft away. */
  isDiscardControl(target: Element, root: Element): boolean;
  /** The keyboard shortcut discards the draft (Gmail: Ctrl+Shift+D). */
  isDiscardShortcut(event: KeyboardEvent): boolean;
  panelSlot(root: Element): PanelSlot | null;
  /** The expected parts missing from an open compose window: no recipient field, no send button. */
  problems(root: Element): ComposeProblem[];
}

/** What an open compose window lacks for the adapter to work (reported privately, see health). */
export type ComposeProblem = 'recipients' | 'send';
