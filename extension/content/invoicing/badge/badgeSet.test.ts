// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvoicePolicyView } from '../../../lib/messages';
import type { InvoiceOnPage } from '../adapters/types';
import { BadgeSet } from './badgeSet';

/** Idle callbacks run by hand. */
const idle: ((deadline: IdleDeadline) => void)[] = [];
/** Idle moments until nothing more is asked (a slow machine may need more than one slice). */
function runIdle(): void {
  for (let round = 0; idle.length > 0 && round < 100; round++) {
    for (const callback of idle.splice(0)) callback({ didTimeout: false, timeRemaining: () => 50 });
  }
}

function rowWithInvoice(i: number): InvoiceOnPage {
  const row = document.createElement('tr');
  const cell = document.createElement('td');
  cell.textContent = `F-${i}`;
  row.append(cell);
  document.querySelector('tbody')!.append(row);
  return {
    number: `F-${i}`,
    clientName: 'Client',
    amountDueCents: 100,
    currency: 'EUR',
    dueDate: '2026-01-01',
    status: 'unpaid',
    row,
    anchor: cell,
    adapter: 'table',
  };
}

function viewOf(o: InvoiceOnPage): InvoicePolicyView {
  return {
    invoiceId: `id-${o.number}`,
    clientId: 'c',
    number: o.number,
    clientName: o.clientName,
    amountDueCents: o.amountDueCents,
    outstandingCents: o.amountDueCents,
    currency: o.currency,
    dueDate: o.dueDate,
    daysOverdue: 30,
    stage: 'payment-plan',
    actionDue: true,
  };
}

const drawn = (badge: Element) => badge.shadowRoot!.querySelector('[data-relance-action=remind]') !== null;

beforeEach(() => {
  document.body.innerHTML = '<table><tbody></tbody></table>';
  idle.length = 0;
  (window as unknown as { requestIdleCallback: unknown }).requestIdleCallback = (
    callback: (deadline: IdleDeadline) => void,
  ) => idle.push(callback);
});

describe('BadgeSet', () => {
  it('enters the page in one pass, with every attribute; content beyond the first 200 waits for idle time', () => {
    const set = new BadgeSet(document, 'fr', { remind: vi.fn(), notes: vi.fn() });
    const observations = Array.from({ length: 205 }, (_, i) => rowWithInvoice(i));
    for (const o of observations) set.prepare(o, viewOf(o));
    expect(document.querySelectorAll('relance-badge')).toHaveLength(0);
    set.insertPrepared();

    const badges = Array.from(document.querySelectorAll('relance-badge'));
    expect(badges).toHaveLength(205);
    expect(badges.every((b) => b.getAttribute('data-stage') === 'payment-plan')).toBe(true);
    expect(badges.filter(drawn)).toHaveLength(200);

    expect(badges[203]!.hasAttribute('data-drawn')).toBe(false);
    runIdle();
    expect(badges.filter(drawn)).toHaveLength(205);
    expect(badges[203]!.hasAttribute('data-drawn')).toBe(true);
    expect(idle).toHaveLength(0);
  });

  it('keeps one badge per row when a row is prepared twice before it enters the page', () => {
    const set = new BadgeSet(document, 'en', { remind: vi.fn(), notes: vi.fn() });
    const o = rowWithInvoice(1);
    set.prepare(o, viewOf(o));
    set.show(o, { ...viewOf(o), actionDue: false });
    set.insertPrepared();
    const badges = document.querySelectorAll('relance-badge');
    expect(badges).toHaveLength(1);
    expect(badges[0]!.getAttribute('data-action-due')).toBe('false');
    expect(badges[0]!.shadowRoot!.textContent).toContain('D+30');
  });

  it('is compact: the pill says the days, the details are in a popover it describes, hidden with Escape', () => {
    const set = new BadgeSet(document, 'fr', { remind: vi.fn(), notes: vi.fn() });
    const o = rowWithInvoice(7);
    set.show(o, {
      ...viewOf(o),
      lastReminder: { date: '2026-01-20', channel: 'email', authorName: 'Marie' },
    });
    const root = document.querySelector('relance-badge')!.shadowRoot!;
    const pill = root.querySelector('.pill')!;
    expect(pill.textContent).toBe('J+30');
    const details = root.getElementById(pill.getAttribute('aria-describedby')!)!;
    expect(details.getAttribute('role')).toBe('tooltip');
    expect(details.textContent).toContain('échéancier');
    expect(details.textContent).toContain('par Marie');
    // Outside the popover, only the pill and the two buttons.
    expect(root.querySelectorAll('.b > :not(.details)')).toHaveLength(3);

    const box = root.querySelector('.b')!;
    (pill as HTMLElement).focus();
    pill.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(box.classList.contains('dismissed')).toBe(true);
    pill.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(box.classList.contains('dismissed')).toBe(false);
    (pill as HTMLElement).click();
    expect(box.classList.contains('pinned')).toBe(true);
  });
});
