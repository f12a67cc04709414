import type { BadgeStage } from '@relance/shared';

/**
 * Stage colours, from amicable (blue, green) to judicial (red, purple). Each one carries
 * `STAGE_TEXT_COLOUR` at 4.5:1 or more (WCAG AA; checked by `badgeStyles.test.ts`).
 */
export const STAGE_COLOURS: Record<BadgeStage, string> = {
  none: '#4b5563',
  courtesy: '#1d4ed8',
  'reminder-1': '#0f766e',
  'reminder-2': '#b45309',
  'payment-plan': '#c2410c',
  'formal-notice': '#b91c1c',
  legal: '#7e22ce',
  paid: '#15803d',
  paused: '#475569',
};

/** The text on every stage colour. */
export const STAGE_TEXT_COLOUR = '#ffffff';
/** The popover's text and background. */
export const DETAILS_TEXT_COLOUR = '#111827';
export const DETAILS_MUTED_COLOUR = '#4b5563';
export const DETAILS_BACKGROUND = '#ffffff';

/**
 * The badge never moves the page: its host is an empty, size-contained box in the cell's text
 * (no width, no height, so no row wraps and no column widens when it arrives), and what a person
 * sees floats over it, beside the invoice number. The details (stage, last reminder, who, pause
 * reason, next step) are in a popover shown on hover and on focus, hidden with Escape.
 * Plain boxes, no flexbox: 2,000 of them are drawn in one pass.
 */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; position: relative; width: 0; height: 0; vertical-align: baseline;
  contain: size layout style; font: 500 11px/16px system-ui, sans-serif; color: ${DETAILS_TEXT_COLOUR}; }
:host(:hover), :host(:focus-within) { z-index: 2147483001; }
.b { position: absolute; inset-inline-start: 4px; bottom: -9px; z-index: 2147483000; white-space: nowrap;
  padding: 1px; border-radius: 999px; background: ${DETAILS_BACKGROUND}; }
.b:hover, .b:focus-within { z-index: 2147483001; }
.pill { all: unset; display: inline-block; vertical-align: middle; cursor: default; padding: 0 6px; border-radius: 999px; font: 700 11px/16px system-ui, sans-serif;
  color: ${STAGE_TEXT_COLOUR}; background: var(--stage); }
/* 24 × 24 px targets (WCAG 2.2, 2.5.8): they float, so their size moves nothing on the page. */
.act { all: unset; cursor: pointer; display: inline-block; vertical-align: middle; width: 22px; height: 22px;
  margin-inline-start: 2px; border-radius: 4px; border: 1px solid #6b7280; background: #fff; color: ${DETAILS_TEXT_COLOUR}; }
.act svg { display: block; width: 14px; height: 14px; margin: 4px; fill: none; stroke: currentColor; stroke-width: 1.4; stroke-linejoin: round; }
.word { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.act:hover { background: #f3f4f6; }
button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.act[disabled] { opacity: .5; cursor: default; }
.details { display: none; position: absolute; inset-inline-start: 0; top: 100%; margin-top: 2px; min-width: 220px;
  max-width: 320px; white-space: normal; padding: 6px 8px; border-radius: 6px; border: 1px solid #d1d5db;
  background: ${DETAILS_BACKGROUND}; color: ${DETAILS_TEXT_COLOUR}; box-shadow: 0 4px 14px rgba(0,0,0,.15); font: 400 12px/16px system-ui, sans-serif; }
.b.above .details { top: auto; bottom: 100%; margin: 0 0 2px; }
.details span { display: block; }
.details .muted { color: ${DETAILS_MUTED_COLOUR}; }
.b:hover .details, .b:focus-within .details, .b.pinned .details { display: block; }
.b.dismissed .details { display: none; }
`;
