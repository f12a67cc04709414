// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { clearRecentErrors, recentErrors } from '../shared/guard';
import { gmailAdapter } from './adapters/gmail';
import { outlookAdapter } from './adapters/outlook';
import type { WebmailAdapter } from './adapters/types';
import { WebmailOverlay } from './overlay';
import { fakeBackend, overdueInvoice } from './testing/fakeBackend';
import { type FixtureName, loadFixture, mouseClick, pressKeys, typeRecipient } from './testing/fixturePage';
import type { WebmailUi } from './ui';

const PHARMACIE = 'pharmacie';
const CLIENT_EMAIL = 'compta@pharmacie-centre.fr';

function clients() {
  return [
    {
      id: PHARMACIE,
      name: 'Pharmacie du Centre',
      emails: [CLIENT_EMAIL],
      invoices: [
        overdueInvoice(PHARMACIE, 'FA2603-0103', 50, 450_000, 'formal-notice'),
        overdueInvoice(PHARMACIE, 'FA2603-0110', 12, 30_000),
      ],
      lastReminder: {
        date: '2026-03-10',
        authorName: 'Marie',
        channel: 'gmail' as const,
        stage: 'reminder-1' as const,
      },
      remindedRecently: true,
    },
    {
      id: 'garage',
      name: 'Garage Dupont',
      emails: [],
      invoices: [overdueInvoice('garage', 'FA2603-0102', 8, 30_000)],
    },
  ];
}

let overlay: WebmailOverlay | null = null;
afterEach(() => {
  overlay?.stop();
  overlay = null;
  clearRecentErrors();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The search waits for the person to stop typing: look until the answer shows (2 s at most). */
async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let waited = 0; waited < 2000; waited += 20) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('not found in time');
}

const importUi = () => import('./ui').then((m) => m.webmailUi);

function start(name: FixtureName, adapter: WebmailAdapter, loadUi: () => Promise<WebmailUi> = importUi) {
  const page = loadFixture(name);
  const backend = fakeBackend(clients());
  overlay = new WebmailOverlay({
    doc: document,
    adapter,
    send: backend.send,
    lang: name.endsWith('.fr') ? 'fr' : 'en',
    loadUi,
    now: () => new Date(Date.UTC(2026, 2, 12, 9, 30)),
    batcher: (flush) => () => setTimeout(flush, 0),
  });
  overlay.start();
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await tick();
      await overlay!.idle();
    }
  };
  return { page, backend, settle };
}

function recipientField(root: Element, index = 0): HTMLElement {
  return root.querySelectorAll<HTMLElement>('[data-field], [data-fixture="well-input"]')[index]!;
}

function panels(scope: ParentNode = document) {
  return Array.from(scope.querySelectorAll<HTMLElement>('relance-compose-panel'));
}

function insertButton(panel: HTMLElement): HTMLButtonElement {
  return panel.shadowRoot!.querySelector('[data-relance-action="insert-reminder"]')!;
}

function sendButton(adapter: WebmailAdapter, root: Element): HTMLElement {
  const candidates = Array.from(root.querySelectorAll<HTMLElement>('[role="button"], button'));
  return candidates.find((b) => adapter.isSendControl(b, root))!;
}

function discardButton(adapter: WebmailAdapter, root: Element): HTMLElement {
  const candidates = Array.from(root.querySelectorAll<HTMLElement>('[role="button"], button'));
  return candidates.find((b) => adapter.isDiscardControl(b, root))!;
}

const WEBMAILS: [FixtureName, WebmailAdapter, 'gmail' | 'outlook'][] = [
  ['gmail.fr', gmailAdapter, 'gmail'],
  ['gmail.en', gmailAdapter, 'gmail'],
  ['outlook.fr', outlookAdapter, 'outlook'],
  ['outlook.en', outlookAdapter, 'outlook'],
];

describe.each(WEBMAILS)('webmail overlay on %s', (name, adapter, channel) => {
  it('asks nothing and adds nothing while no compose window is open', async () => {
    const { backend, settle } = start(name, adapter);
    await settle();
    expect(backend.requests).toEqual([]);
    expect(document.querySelector('relance-compose-panel, relance-compose-assign')).toBeNull();
  });

  it('shows one panel in a compose window addressed to a client with overdue invoices', async () => {
    const { page, settle } = start(name, adapter);
    const compose = page.openCompose();
    await settle();
    expect(panels()).toHaveLength(0);

    typeRecipient(recipientField(compose), CLIENT_EMAIL);
    await settle();
    const [panel] = panels();
    expect(panel).toBeDefined();
    expect(compose.contains(panel!)).toBe(true);
    expect(panel!.getAttribute('data-client')).toBe('Pharmacie du Centre');
    expect(panel!.getAttribute('data-overdue-count')).toBe('2');
    expect(panel!.shadowRoot).not.toBeNull();
    expect(insertButton(panel!)).not.toBeNull();
    const text = panel!.shadowRoot!.textContent ?? '';
    expect(text).toContain('FA2603-0103');
    // The teammate's recent reminder is a warning (quiet period).
    expect(panel!.shadowRoot!.querySelector('[data-relance-warning="quiet-period"]')?.textContent).toContain(
      'Marie',
    );

    // More changes in the window (another recipient, typing): still exactly one panel.
    typeRecipient(recipientField(compose, 1), 'expert@cabinet-comptable.fr');
    adapter.body(adapter.findComposeRoots(document)[0]!)!.append(document.createTextNode('Bonjour'));
    await settle();
    expect(panels()).toEqual([panel]);
    expect(recentErrors()).toEqual([]);
  });

  it('puts the panel back when the page re-renders it away, and never twice', async () => {
    const { page, settle } = start(name, adapter);
    const compose = page.openCompose();
    typeRecipient(recipientField(compose), CLIENT_EMAIL);
    await settle();
    const [panel] = panels();
    panel!.remove();
    await settle();
    expect(panels()).toHaveLength(1);
    expect(compose.contains(panels()[0]!)).toBe(true);
    // A copy of our element made by the page (a cloned node, no shadow root of ours) is not kept.
    panels()[0]!.after(document.createElement('relance-compose-panel'));
    panels()[0]!.remove();
    await settle();
    expect(panels()).toHaveLength(1);
    expect(panels()[0]!.shadowRoot).not.toBeNull();
  });

  it('inserts the reminder in the editor (the page sees it typed), fills the empty subject, logs it when sent', async () => {
    const { page, backend, settle } = start(name, adapter);
    const compose = page.openCompose();
    typeRecipient(recipientField(compose), CLIENT_EMAIL);
    await settle();
    const root = adapter.findComposeRoots(document)[0]!;

    insertButton(panels()[0]!).click();
    await settle();
    const body = adapter.body(root)!;
    expect(body.textContent).toContain('Bonjour Pharmacie du Centre,');
    expect(body.textContent).toContain('Cordialement,');
    expect(adapter.subject(root)!.value).toBe('Rappel : factures de Pharmacie du Centre');
    // The page's own listeners saw the change (its draft is saved).
    expect(page.inputEvents.some((e) => e.field === 'body')).toBe(true);
    expect(compose.getAttribute('data-fixture-draft')).toBe('saved');
    expect(panels()[0]!.shadowRoot!.querySelector('[role="status"]')).not.toBeNull();
    expect(backend.of('logActivity')).toEqual([]);

    mouseClick(sendButton(adapter, root));
    await settle();
    expect(page.sent).toHaveLength(1);
    expect(compose.isConnected).toBe(false);
    expect(panels()).toEqual([]);
    const [logged] = backend.of('logActivity');
    expect(logged!.activity).toMatchObject({
      type: 'reminder',
      clientId: PHARMACIE,
      channel,
      // The firmest stage, and each invoice's own one beside it (as the invoicing overlay logs).
      stage: 'formal-notice',
      subject: 'Rappel : factures de Pharmacie du Centre',
      recipients: [CLIENT_EMAIL],
    });
    expect(
      Object.values((logged!.activity as { invoiceStages?: object }).invoiceStages ?? {}).sort(),
    ).toEqual(['formal-notice', 'reminder-1']);
    expect(logged!.activity.invoiceIds).toHaveLength(2);
    expect(logged!.activity.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a reply sent with Ctrl+Enter, keeping the subject of the thread', async () => {
    const { page, backend, settle } = start(name, adapter);
    page.openReply();
    await settle();
    expect(panels()).toHaveLength(1);
    const root = adapter.findComposeRoots(document)[0]!;
    insertButton(panels()[0]!).click();
    await settle();
    const body = adapter.body(root)!;
    // At the start of the reply, above the quoted message.
    const text = body.textContent!;
    expect(text.indexOf('Bonjour Pharmacie')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Bonjour Pharmacie')).toBeLessThan(text.indexOf('FA2603-0103'));

    pressKeys(body, 'Enter', { ctrlKey: true });
    await settle();
    expect(page.sent).toHaveLength(1);
    const [logged] = backend.of('logActivity');
    expect(logged!.activity).toMatchObject({ channel, recipients: [CLIENT_EMAIL] });
    if (channel === 'gmail')
      expect(logged!.activity).toMatchObject({ subject: expect.stringContaining('Re:') });
  });

  it('logs nothing for a discarded draft, a draft closed unsent, or an ordinary e-mail', async () => {
    const { page, backend, settle } = start(name, adapter);
    // Discarded after the reminder was inserted.
    let compose = page.openCompose();
    typeRecipient(recipientField(compose), CLIENT_EMAIL);
    await settle();
    let root = adapter.findComposeRoots(document)[0]!;
    insertButton(panels()[0]!).click();
    await settle();
    mouseClick(discardButton(adapter, root));
    document.querySelector<HTMLElement>('[data-fixture="confirm-discard"]')?.click();
    await settle();
    expect(compose.isConnected).toBe(false);
    expect(panels()).toEqual([]);

    // Sent, but without anything from Relance in it: an ordinary e-mail, not a reminder.
    compose = page.openCompose();
    typeRecipient(recipientField(compose), CLIENT_EMAIL);
    await settle();
    root = adapter.findComposeRoots(document)[0]!;
    mouseClick(sendButton(adapter, root));
    await settle();
    expect(page.sent).toHaveLength(1);

    // Removed without a send (Gmail's save & close, a tab closed in Outlook).
    compose = page.openCompose();
    typeRecipient(recipientField(compose), CLIENT_EMAIL);
    await settle();
    insertButton(panels()[0]!).click();
    await settle();
    compose.remove();
    await settle();
    expect(backend.of('logActivity')).toEqual([]);
  });

  it('keeps waiting when the webmail refuses to send (no recipient)', async () => {
    const { page, backend, settle } = start(name, adapter);
    const compose = page.openCompose();
    await settle();
    const root = adapter.findComposeRoots(document)[0]!;
    mouseClick(sendButton(adapter, root));
    await settle();
    expect(compose.isConnected).toBe(true);
    expect(page.sent).toEqual([]);
    // The person adds the client, inserts, sends again: one reminder.
    typeRecipient(recipientField(compose), CLIENT_EMAIL);
    await settle();
    insertButton(panels()[0]!).click();
    await settle();
    mouseClick(sendButton(adapter, root));
    await settle();
    expect(backend.of('logActivity')).toHaveLength(1);
  });

  it('links an unknown address to a client by hand, then shows the panel', async () => {
    const { page, backend, settle } = start(name, adapter);
    const compose = page.openCompose();
    typeRecipient(recipientField(compose), 'atelier@garage-dupont.fr');
    await settle();
    expect(panels()).toEqual([]);
    const assign = document.querySelector<HTMLElement>('relance-compose-assign')!;
    expect(assign).not.toBeNull();
    assign.shadowRoot!.querySelector<HTMLElement>('[data-relance-action="assign-email"]')!.click();
    await settle();
    const search = assign.shadowRoot!.querySelector<HTMLInputElement>(
      '[data-relance-field="client-search"]',
    )!;
    search.value = 'garage';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    const choice = await waitFor(() =>
      assign.shadowRoot!.querySelector<HTMLElement>(
        '[data-relance-action="assign-to-client"][data-client="Garage Dupont"]',
      ),
    );
    choice.click();
    await settle();
    expect(backend.of('assignEmailToClient')).toEqual([
      { type: 'assignEmailToClient', clientId: 'garage', email: 'atelier@garage-dupont.fr' },
    ]);
    expect(document.querySelector('relance-compose-assign')).toBeNull();
    expect(panels()[0]?.getAttribute('data-client')).toBe('Garage Dupont');
  });
});

describe('the parts loaded on demand (webmail-ui.js)', () => {
  it('stays quiet when they cannot load: no address line, the panel still works, the failure recorded', async () => {
    let asked = 0;
    const { page, settle } = start('gmail.fr', gmailAdapter, () => {
      asked++;
      return Promise.reject(new Error('blocked'));
    });
    const compose = page.openCompose();
    typeRecipient(recipientField(compose), 'atelier@garage-dupont.fr');
    await settle();
    expect(asked).toBeGreaterThan(0);
    expect(document.querySelector('relance-compose-assign')).toBeNull();
    expect(recentErrors().map((e) => e.where)).toContain('webmail.ui');
    typeRecipient(recipientField(compose), CLIENT_EMAIL);
    await settle();
    expect(panels()[0]?.getAttribute('data-client')).toBe('Pharmacie du Centre');
  });

  it('draws the address line once they have loaded', async () => {
    let resolve: (ui: WebmailUi) => void = () => {};
    const { page, settle } = start('gmail.fr', gmailAdapter, () => new Promise((r) => (resolve = r)));
    const compose = page.openCompose();
    typeRecipient(recipientField(compose), 'atelier@garage-dupont.fr');
    await tick();
    await tick();
    expect(document.querySelector('relance-compose-assign')).toBeNull();
    resolve(await importUi());
    await settle();
    const line = document.querySelector('relance-compose-assign');
    expect(line?.shadowRoot?.textContent).toContain('atelier@garage-dupont.fr');
    expect(recentErrors()).toEqual([]);
  });
});

describe('learning addresses from a sent reminder', () => {
  it('links the other To addresses of a sent reminder to the client, not the Cc ones', async () => {
    const { page, backend, settle } = start('gmail.fr', gmailAdapter);
    const compose = page.openCompose();
    typeRecipient(recipientField(compose, 0), CLIENT_EMAIL);
    typeRecipient(recipientField(compose, 0), 'direction@pharmacie-centre.fr');
    typeRecipient(recipientField(compose, 1), 'expert@cabinet-comptable.fr');
    await settle();
    insertButton(panels()[0]!).click();
    await settle();
    mouseClick(sendButton(gmailAdapter, adapterRoot()));
    await settle();
    expect(backend.of('logActivity')[0]!.activity).toMatchObject({
      recipients: [CLIENT_EMAIL, 'direction@pharmacie-centre.fr', 'expert@cabinet-comptable.fr'],
    });
    expect(backend.of('assignEmailToClient')).toEqual([
      { type: 'assignEmailToClient', clientId: PHARMACIE, email: 'direction@pharmacie-centre.fr' },
    ]);
  });
});

function adapterRoot(): Element {
  return gmailAdapter.findComposeRoots(document)[0]!;
}
