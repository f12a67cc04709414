// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvoicePolicyView } from '../../../lib/messages';
import type { InvoiceOnPage } from '../adapters/types';
import { BadgeSet } from './badgeSet';

/** An IntersectionObserver we trigger by hand. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  readonly observed = new Set<Element>();
  constructor(readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    FakeIntersectionObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {}
  reveal(el: Element) {
    this.callback([{ target: el, isIntersecting: true }]);
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
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIntersectionObserver;
});

describe('BadgeSet', () => {
  it('enters the page in one pass, with every attribute; content beyond the first 200 waits for the viewport', () => {
    const set = new BadgeSet(document, 'fr', { remind: vi.fn(), notes: vi.fn() });
    const observations = Array.from({ length: 205 }, (_, i) => rowWithInvoice(i));
    for (const o of observations) set.prepare(o, viewOf(o));
    expect(document.querySelectorAll('relance-badge')).toHaveLength(0);
    set.insertPrepared();

    const badges = Array.from(document.querySelectorAll('relance-badge'));
    expect(badges).toHaveLength(205);
    expect(badges.every((b) => b.getAttribute('data-stage') === 'payment-plan')).toBe(true);
    expect(badges.filter(drawn)).toHaveLength(200);

    const io = FakeIntersectionObserver.last!;
    expect(io.observed.size).toBe(5);
    io.reveal(badges[203]!);
    expect(drawn(badges[203]!)).toBe(true);
    expect(badges.filter(drawn)).toHaveLength(201);
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
