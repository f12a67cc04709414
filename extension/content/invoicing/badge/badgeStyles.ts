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

export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 6px; }
.badge { display: inline-flex; align-items: center; gap: 4px; font: 500 11px/1.4 system-ui, sans-serif;
  color: #111827; white-space: nowrap; }
.pill { display: inline-flex; align-items: center; gap: 4px; padding: 1px 6px; border-radius: 999px;
  color: #fff; background: var(--stage); }
.days { font-weight: 700; }
.due { font-weight: 700; text-transform: uppercase; font-size: 9px; letter-spacing: .03em;
  background: rgba(255,255,255,.25); border-radius: 999px; padding: 0 4px; }
.last { color: #4b5563; max-width: 16em; overflow: hidden; text-overflow: ellipsis; }
button { all: unset; cursor: pointer; font: 600 11px/1.4 system-ui, sans-serif; padding: 1px 6px;
  border-radius: 4px; border: 1px solid #d1d5db; background: #fff; color: #111827; }
button:hover { background: #f3f4f6; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
button[disabled] { opacity: .5; cursor: default; }
`;
