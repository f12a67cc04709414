import type { BadgeStage } from '@relance/shared';

/** Stage colours, from amicable (blue, green) to judicial (red, purple). */
export const STAGE_COLOURS: Record<BadgeStage, string> = {
  none: '#6b7280',
  courtesy: '#2563eb',
  'reminder-1': '#0d9488',
  'reminder-2': '#d97706',
  'payment-plan': '#ea580c',
  'formal-notice': '#dc2626',
  legal: '#7e22ce',
  paid: '#16a34a',
  paused: '#64748b',
};

/**
 * Plain inline boxes, no flexbox: a 2,000-row table is laid out again when its badges arrive, and
 * inline layout is the cheapest there is.
 */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 6px;
  font: 500 11px/16px system-ui, sans-serif; color: #111827; white-space: nowrap; }
.pill { display: inline-block; padding: 0 6px; border-radius: 999px; color: #fff; background: var(--stage); }
.due { font-weight: 700; font-size: 9px; text-transform: uppercase; letter-spacing: .03em; }
.last { color: #4b5563; margin-inline-start: 4px; }
button { all: unset; cursor: pointer; font: 600 11px/14px system-ui, sans-serif; padding: 0 5px; margin-inline-start: 4px;
  border-radius: 4px; border: 1px solid #d1d5db; background: #fff; color: #111827; }
button:hover { background: #f3f4f6; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
button[disabled] { opacity: .5; cursor: default; }
`;
