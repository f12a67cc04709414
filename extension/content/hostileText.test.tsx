// @vitest-environment happy-dom
import type { Activity } from '@relance/shared';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientSummary, InvoicePolicyView, RequestOf, Send, TimelineEntry } from '../lib/messages';
import { PageObserver } from './invoicing/observe/pageObserver';
import { InvoiceOverlay } from './invoicing/overlay';
import { NotesPanel } from './invoicing/panel/NotesPanel';
import { drawComposePanel } from './webmail/panel/ComposePanel';
import { webmailTranslator } from './webmail/panel/strings';

/**
 * Strings scraped from pages or typed by teammates reach the overlay's badges and panels. Whatever
 * they hold, they are shown as text: no element, attribute or script of theirs ever exists.
 */
const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">clic</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>">',
] as const;

/** Nothing but our own markup: no element a hostile string could have made, no handler attribute. */
function expectNoInjectedMarkup(root: ParentNode) {
  // The badge's own icons (an envelope and a page, in its buttons) are ours.
  const suspicious = Array.from(
    root.querySelectorAll('img, script, svg, iframe, a[href^="javascript"]'),
  ).filter((el) => !el.matches('button.act > svg[aria-hidden="true"]'));
  expect(suspicious).toHaveLength(0);
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
    }
  }
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('hostile text in the invoicing overlay', () => {
  let observer: PageObserver | undefined;
  afterEach(() => observer?.stop());

  it('badges keep invoice numbers and client names as text and attribute values', async () => {
    const rows = HOSTILE.map(
      (_, i) => `<tr><td>F-${i}</td><td></td><td>01/03/2026</td><td>100,00 €</td><td>Impayée</td></tr>`,
    );
    document.body.innerHTML = `<table><thead><tr><th>N° facture</th><th>Client</th><th>Échéance</th>
      <th>Reste à payer</th><th>Statut</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
    // Set as text, as a page showing such a name would have it.
    const cells = document.querySelectorAll('tbody tr');
    HOSTILE.forEach((text, i) => {
      cells[i]!.children[0]!.textContent = `F-${i} ${text}`;
      cells[i]!.children[1]!.textContent = text;
    });
    const send = vi.fn(async (request: { type: string }) => {
      const r = request as RequestOf<'observeInvoices'>;
      const invoices: InvoicePolicyView[] = r.observations.map((o, i) => ({
        invoiceId: `id-${i}`,
        clientId: `client-${i}`,
        number: o.number,
        clientName: o.clientName,
        amountDueCents: o.amountDueCents,
        outstandingCents: o.amountDueCents,
        currency: o.currency,
        dueDate: o.dueDate,
        daysOverdue: 12,
        stage: 'reminder-1',
        actionDue: true,
      }));
      return { invoices };
    });
    const overlay = new InvoiceOverlay({
      doc: document,
      send: send as unknown as Send,
      lang: 'fr',
      actions: { remind: vi.fn(), notes: vi.fn() },
    });
    observer = new PageObserver({
      doc: document,
      readContext: () => ({ locale: 'fr', defaultCurrency: 'EUR', baseUrl: 'http://127.0.0.1/' }),
      onObserved: (o) => overlay.observed(o),
      onVanished: (r) => overlay.vanished(r),
      batcher: (flush) => () => setTimeout(flush, 0),
    });
    observer.start();
    for (let i = 0; i < 4; i++) {
      await tick();
      await observer.idle();
      await overlay.idle();
    }

    const badges = Array.from(document.querySelectorAll('relance-badge'));
    expect(badges).toHaveLength(HOSTILE.length);
    // The number is the cell's number-shaped token (issue 11): the hostile words beside it are not part of it.
    expect(badges.map((b) => b.getAttribute('data-invoice-number'))).toEqual(
      HOSTILE.map((_text, i) => `F-${i}`),
    );
    expect(document.body.querySelectorAll('img, script, svg, iframe')).toHaveLength(0);
    for (const badge of badges) expectNoInjectedMarkup(badge.shadowRoot!);
  });

  it('the notes panel shows teammates’ names, notes and comments as text', async () => {
    const [img, script, svg, link, iframe] = HOSTILE;
    const base = {
      clientId: '01900000-0000-7000-8000-000000000002',
      invoiceIds: [],
      date: '2026-03-12',
      at: '2026-03-12T09:30:00.000Z',
      authorName: img,
    };
    const activity = (id: number, fields: object): TimelineEntry => ({
      kind: 'activity',
      sortKey: String(id),
      activity: { ...base, id: `01900000-0000-7000-8000-00000000001${id}`, ...fields } as unknown as Activity,
    });
    const entries: TimelineEntry[] = [
      activity(1, { type: 'reminder', stage: 'reminder-2', channel: 'gmail', subject: script }),
      activity(2, { type: 'call', outcome: svg }),
      activity(3, { type: 'dispute-opened', reason: link }),
      activity(4, { type: 'comment', text: iframe, comment: script }),
      {
        kind: 'note',
        sortKey: '5',
        note: {
          id: 'n',
          clientId: base.clientId,
          text: `${script}\n${img}`,
          authorName: svg,
          createdAt: '2026-03-10T08:00:00.000Z',
          updatedAt: '2026-03-10T08:00:00.000Z',
        },
      },
    ];
    const send = vi.fn(async () => ({ entries }));
    const host = document.createElement('div');
    document.body.append(host);
    render(
      <NotesPanel
        send={send as unknown as Send}
        lang="fr"
        clientId={base.clientId}
        clientName={iframe}
        invoiceIds={[]}
        currency="EUR"
        amountDueCents={10_000}
        onClose={() => {}}
        onChanged={() => {}}
      />,
      host,
    );
    for (let i = 0; i < 5 && !host.textContent?.includes(svg); i++) await tick();

    const text = host.textContent ?? '';
    for (const hostile of HOSTILE) expect(text).toContain(hostile);
    expectNoInjectedMarkup(host);
    render(null, host);
  });
});

describe('hostile text in the webmail compose panel', () => {
  it('shows the client name, invoice numbers and the last reminder’s author as text', () => {
    const [img, script, svg] = HOSTILE;
    const invoice = (n: number, number: string): InvoicePolicyView => ({
      invoiceId: `inv-${n}`,
      clientId: 'c',
      number,
      clientName: img,
      amountDueCents: 42_300,
      outstandingCents: 42_300,
      currency: 'EUR',
      dueDate: '2026-02-01',
      daysOverdue: 30 + n,
      stage: 'reminder-2',
      actionDue: true,
    });
    const summary: ClientSummary = {
      client: { id: 'c', name: img, emails: ['compta@client.example'] },
      overdueCount: 2,
      overdueTotalCents: 84_600,
      currency: 'EUR',
      remindedRecently: true,
      lastReminder: { date: '2026-03-01', authorName: svg, channel: 'gmail' },
      invoices: [invoice(1, script), invoice(2, svg)],
    };
    const host = document.createElement('div');
    document.body.append(host);
    drawComposePanel(host, {
      t: webmailTranslator('fr'),
      today: '2026-03-12',
      clients: [summary],
      selected: summary,
      status: { kind: 'error', message: script },
      logOnSend: true,
      collapsed: false,
      onSelectClient: () => {},
      onInsert: () => {},
      onToggleLog: () => {},
      onToggleCollapsed: () => {},
    });
    const text = host.textContent ?? '';
    expect(text).toContain(img);
    expect(text).toContain(script);
    expect(text).toContain(svg);
    expectNoInjectedMarkup(host);
  });
});
