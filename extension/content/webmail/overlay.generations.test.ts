// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { clearRecentErrors } from '../shared/guard';
import { outlookAdapter } from './adapters/outlook';
import { WebmailOverlay } from './overlay';
import { HEALTH_DELAY_MS } from './session';
import { type FakeClient, fakeBackend, overdueInvoice } from './testing/fakeBackend';
import { type FixtureName, loadFixture, mouseClick, pressKeys, typeRecipient } from './testing/fixturePage';

/**
 * The overlay on the newer Outlook generation (chips inside the To field, Fluent v9 buttons), and
 * what the panel says and inserts: the compose window's language, no legal stage, the formal
 * notice marked, plural counts, one's own reminder, the dismissible address line, health reports.
 */
const CLIENT_EMAIL = 'compta@pharmacie-centre.fr';
const LEGAL_EMAIL = 'compta@garage-dupont.fr';
const NEW_EMAIL = 'inconnu@exemple.fr';

function clients(): FakeClient[] {
  return [
    {
      id: 'pharmacie',
      name: 'Pharmacie du Centre',
      emails: [CLIENT_EMAIL],
      invoices: [overdueInvoice('pharmacie', 'FA2603-0103', 50, 450_000, 'formal-notice')],
      lastReminder: { date: '2026-03-10', authorName: 'Marie', channel: 'outlook', mine: true },
    },
    {
      id: 'garage',
      name: 'Garage Dupont',
      emails: [LEGAL_EMAIL],
      invoices: [
        overdueInvoice('garage', 'FA2601-0007', 75, 90_000, 'legal'),
        overdueInvoice('garage', 'FA2603-0120', 9, 30_000, 'reminder-1'),
      ],
      lastReminder: { date: '2026-03-11', authorName: 'Paul', channel: 'gmail', mine: false },
    },
  ];
}

let overlay: WebmailOverlay | null = null;
afterEach(() => {
  overlay?.stop();
  overlay = null;
  clearRecentErrors();
});

function start(name: FixtureName, list = clients()) {
  const page = loadFixture(name);
  const backend = fakeBackend(list);
  overlay = new WebmailOverlay({
    doc: document,
    adapter: outlookAdapter,
    send: backend.send,
    lang: name.endsWith('.fr') ? 'fr' : 'en',
    loadUi: () => import('./ui').then((m) => m.webmailUi),
    now: () => new Date(Date.UTC(2026, 2, 12, 9, 30)),
    batcher: (flush) => () => setTimeout(flush, 0),
  });
  overlay.start();
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await overlay!.idle();
    }
  };
  return { page, backend, settle };
}

const well = (root: Element, index = 0) =>
  root.querySelectorAll<HTMLElement>('[data-fixture="well-input"]')[index]!;
const panel = () => document.querySelector<HTMLElement>('relance-compose-panel');
const inShadow = (host: Element | null, selector: string) =>
  host?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

describe.each(['fr', 'en'] as const)('Outlook v9 (%s)', (lang) => {
  const name = `outlook-v9.${lang}` as const;

  it('shows the panel for a client chip inside the To field, inserts in the window language, logs a click on Send', async () => {
    const { page, backend, settle } = start(name);
    const compose = page.openCompose();
    typeRecipient(well(compose), NEW_EMAIL);
    await settle();
    expect(panel()).toBeNull();
    typeRecipient(well(compose), CLIENT_EMAIL);
    await settle();
    expect(panel()?.getAttribute('data-client')).toBe('Pharmacie du Centre');
    const insert = inShadow(panel(), '[data-relance-action="insert-reminder"]')!;
    // The formal notice is offered as such, its stage being due.
    expect(insert.getAttribute('data-stage')).toBe('formal-notice');
    expect(insert.textContent).toBe(
      lang === 'fr' ? 'Insérer la mise en demeure' : 'Insert the formal notice',
    );
    expect(panel()!.shadowRoot!.textContent).toContain(
      lang === 'fr' ? '1 facture en retard' : '1 overdue invoice',
    );
    // One's own reminder is worded as such.
    expect(panel()!.shadowRoot!.textContent).toContain(
      lang === 'fr' ? 'Vous avez relancé ce client le 10/03/2026' : 'You reminded this client on',
    );
    mouseClick(insert);
    await settle();
    expect(backend.of('prepareReminder').at(-1)).toMatchObject({ language: lang });
    mouseClick(compose.querySelector('[data-fixture="send"] svg')!);
    await settle();
    expect(page.sent).toHaveLength(1);
    expect(backend.of('logActivity')).toHaveLength(1);
    expect(backend.of('logActivity')[0]!.activity).toMatchObject({
      channel: 'outlook',
      stage: 'formal-notice',
      recipients: [NEW_EMAIL, CLIENT_EMAIL],
    });
  });

  it('logs a reply sent by Ctrl+Enter; a discarded forward logs nothing', async () => {
    const { page, backend, settle } = start(name);
    const reply = page.openReply();
    await settle();
    expect(panel()?.getAttribute('data-client')).toBe('Pharmacie du Centre');
    mouseClick(inShadow(panel(), '[data-relance-action="insert-reminder"]')!);
    await settle();
    pressKeys(reply.querySelector('[aria-multiline="true"]')!, 'Enter', { ctrlKey: true });
    await settle();
    expect(backend.of('logActivity')).toHaveLength(1);

    const forward = page.openForward!();
    typeRecipient(well(forward), CLIENT_EMAIL);
    await settle();
    mouseClick(inShadow(panel(), '[data-relance-action="insert-reminder"]')!);
    await settle();
    mouseClick(forward.querySelector('[data-fixture="discard"]')!);
    mouseClick(document.querySelector('[data-fixture="confirm-discard"]')!);
    await settle();
    expect(forward.isConnected).toBe(false);
    expect(backend.of('logActivity')).toHaveLength(1);
  });

  it("never inserts the legal stage: the collections note, and only the other invoices; a teammate's name", async () => {
    const { page, backend, settle } = start(name);
    const compose = page.openPopout!();
    typeRecipient(well(compose), LEGAL_EMAIL);
    await settle();
    const text = panel()!.shadowRoot!.textContent ?? '';
    expect(inShadow(panel(), '[data-relance-note="collections-file"]')).not.toBeNull();
    expect(text).toContain(lang === 'fr' ? '2 factures en retard' : '2 overdue invoices');
    expect(text).toContain(lang === 'fr' ? 'Paul a relancé' : 'Paul reminded them');
    mouseClick(inShadow(panel(), '[data-relance-action="insert-reminder"]')!);
    await settle();
    const [asked] = backend.of('prepareReminder');
    expect(asked!.invoiceIds).toHaveLength(1);
    expect(asked!.invoiceIds[0]).toMatch(/0120$/);

    // Only legal invoices: nothing to insert at all.
    const legalOnly = clients();
    legalOnly[1]!.invoices = legalOnly[1]!.invoices.slice(0, 1);
    overlay!.stop();
    const again = start(name, legalOnly);
    const other = again.page.openCompose();
    typeRecipient(well(other), LEGAL_EMAIL);
    await again.settle();
    expect(inShadow(panel(), '[data-relance-note="collections-file"]')).not.toBeNull();
    expect(inShadow(panel(), '[data-relance-action="insert-reminder"]')).toBeNull();
  });

  it('shows the unknown address on the quiet line, and forgets the line for it once dismissed', async () => {
    const { page, backend, settle } = start(name);
    const compose = page.openCompose();
    typeRecipient(well(compose), NEW_EMAIL);
    await settle();
    const line = document.querySelector('relance-compose-assign');
    expect(line?.shadowRoot?.textContent).toContain(NEW_EMAIL);
    mouseClick(inShadow(line, '[data-relance-action="dismiss-assign"]')!);
    await settle();
    expect(document.querySelector('relance-compose-assign')).toBeNull();
    expect(backend.of('dismissAddressPrompt')).toEqual([{ type: 'dismissAddressPrompt', email: NEW_EMAIL }]);
    // Another window to the same address: no line (the background remembers it).
    page.openReply();
    const reply = document.querySelectorAll('[data-fixture-compose]')[1]!;
    typeRecipient(well(reply), NEW_EMAIL);
    await settle();
    expect(document.querySelector('relance-compose-assign')).toBeNull();
  });

  it('reports a compose window whose send button is no longer recognised, with names only', async () => {
    const { page, backend, settle } = start(name);
    const template = document.getElementById('fixture-compose') as HTMLTemplateElement;
    const send = template.content.querySelector('[data-fixture="send"]')!;
    send.removeAttribute('title');
    send.querySelector('svg')!.removeAttribute('data-icon-name');
    page.openCompose();
    await settle();
    expect(backend.of('reportWebmailHealth')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, HEALTH_DELAY_MS + 100));
    await settle();
    const [reported] = backend.of('reportWebmailHealth');
    expect(reported!.report.webmail).toBe('outlook');
    expect(reported!.report.problems).toEqual(['send']);
    expect(reported!.report.structure).toMatch(/^div\[class,data-fixture-compose/);
    // No text, no values: not a word of the page.
    expect(reported!.report.structure).not.toMatch(/Envoyer|Send\b|Objet|subject"|fui-Button/);
  });
});
