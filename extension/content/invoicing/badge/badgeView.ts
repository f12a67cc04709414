import { channelLabel, formatDate, formatDaysLate, stageLabel } from '@relance/shared/format';
import type { InvoicePolicyView } from '../../../lib/messages';
import type { OverlayTranslator } from '../strings';
import { STAGE_COLOURS } from './badgeStyles';

export interface BadgeContent {
  view: InvoicePolicyView;
  t: OverlayTranslator;
  onRemind: () => void;
  onNotes: () => void;
}

/** The popover's id, inside this badge's own shadow root (so one id per badge is enough). */
export const DETAILS_ID = 'details';

/** What the paused badge says about its pause. */
function pauseText(view: InvoicePolicyView, t: OverlayTranslator): string {
  const pause = view.pause;
  if (!pause) return stageLabel('paused', t.lang);
  if (pause.reason === 'dispute') return t('pausedDispute');
  if (pause.reason === 'promise-to-pay')
    return t('pausedPromise', { date: formatDate(pause.until ?? '', t.lang) });
  return t('pausedPlan');
}

function lastReminderText(view: InvoicePolicyView, t: OverlayTranslator): string {
  const last = view.lastReminder;
  if (!last) return t('noReminderYet');
  return t('lastReminder', {
    date: formatDate(last.date, t.lang),
    by: last.authorName ? t('lastReminderBy', { name: last.authorName }) : '',
    channel: channelLabel(last.channel, t.lang),
  });
}

interface Parts {
  pill: HTMLButtonElement;
  remind: HTMLButtonElement;
  remindWord: HTMLElement;
  notes: HTMLButtonElement;
  notesWord: HTMLElement;
  details: HTMLElement;
  content: BadgeContent;
}

/** Envelope and page outlines, drawn with the text's colour (16×16 grid). */
const ICONS = {
  remind: 'M2 4h12v8H2z M2 4l6 5 6-5',
  notes: 'M3 2h10v12H3z M5.5 5.5h5 M5.5 8h5 M5.5 10.5h3',
} as const;
const SVG = 'http://www.w3.org/2000/svg';

/** An icon button: the word stays in it for screen readers and for whoever reads the text, unseen. */
function iconButton(
  doc: Document,
  action: keyof typeof ICONS,
): { button: HTMLButtonElement; word: HTMLElement } {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'act';
  button.dataset.relanceAction = action;
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[action]);
  svg.append(path);
  const word = doc.createElement('span');
  word.className = 'word';
  button.append(svg, word);
  return { button, word };
}

/** Each badge's elements, kept across answers: an update never takes the focus away. */
const drawn = new WeakMap<ShadowRoot, Parts>();

/**
 * Draws the badge into its shadow root, or updates it in place. Compact: `J+23` on the stage's
 * colour and the two buttons. The rest (`J+23 · relance formelle · à faire`, the last reminder and
 * by whom, the pause's reason, the next step) is in a popover described by the pill, shown on
 * hover and focus (see BADGE_CSS). Plain DOM calls, no framework: 2,000 badges are drawn in one
 * pass, and every text the page printed goes in as text, never as HTML.
 */
export function drawBadge(root: ShadowRoot, content: BadgeContent): void {
  const doc = root.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  let parts = drawn.get(root);
  // Rebuilt only if someone emptied the shadow root.
  if (parts?.pill.parentNode?.parentNode !== root) {
    const button = (className: string) => {
      const b = el('button', className);
      b.type = 'button';
      return b;
    };
    const pill = button('pill');
    pill.setAttribute('part', 'pill');
    pill.setAttribute('aria-describedby', DETAILS_ID);
    const { button: remind, word: remindWord } = iconButton(doc, 'remind');
    const { button: notes, word: notesWord } = iconButton(doc, 'notes');
    const details = el('span', 'details');
    details.id = DETAILS_ID;
    details.setAttribute('role', 'tooltip');
    const box = el('span', 'b');
    box.append(pill, remind, notes, details);
    root.replaceChildren(box);
    const made: Parts = { pill, remind, remindWord, notes, notesWord, details, content };
    remind.addEventListener('click', () => made.content.onRemind());
    notes.addEventListener('click', () => made.content.onNotes());
    parts = made;
    drawn.set(root, made);
  }
  parts.content = content;

  const { view, t } = content;
  const lang = t.lang;
  const stageText = view.stage === 'paused' ? pauseText(view, t) : stageLabel(view.stage, lang);
  const showsAction = view.stage !== 'none' && view.stage !== 'paid' && view.stage !== 'paused';
  const days = formatDaysLate(view.daysOverdue, lang);

  parts.pill.textContent = view.stage === 'paid' ? stageText : days;
  parts.pill.style.setProperty('--stage', STAGE_COLOURS[view.stage]);
  parts.remindWord.textContent = t('remind');
  parts.remind.title = t('remindTitle', { number: view.number });
  parts.remind.disabled = view.stage === 'paid';
  parts.notesWord.textContent = t('notes');
  parts.notes.title = t('notesTitle', { client: view.clientName });

  const summary = el('span', '');
  if (view.stage !== 'paid') summary.append(el('b', '', `${days} · `));
  summary.append(stageText);
  if (showsAction) summary.append(` · ${view.actionDue ? t('actionDue') : t('actionDone')}`);
  const lines: Node[] = [
    summary,
    el('span', 'muted', formatDaysLate(view.daysOverdue, lang, 'long')),
    el('span', '', lastReminderText(view, t)),
  ];
  if (view.nextStage) {
    const next = t('nextStage', {
      stage: stageLabel(view.nextStage.stage, lang),
      date: formatDate(view.nextStage.date, lang),
    });
    lines.push(el('span', 'muted', next));
  }
  parts.details.replaceChildren(...lines);
}
