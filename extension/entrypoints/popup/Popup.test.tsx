// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserTabs } from '@/lib/ui/tabs';
import { button, click, inProcessBackground, mount, text, waitFor } from '../../test/ui';
import { Popup } from './Popup';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The popup over a tab at `url` (the fake browser's tabs), its content script answering or not. */
async function overTab(url: string | undefined, options: { receiver: boolean; lang?: 'fr' | 'en' }) {
  const bg = inProcessBackground();
  if (options.lang) await bg.send({ type: 'setLanguage', language: options.lang });
  await fakeBrowser.windows.create({ focused: true });
  const tab = await fakeBrowser.tabs.create({ url, active: true });
  const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => {
    if (!options.receiver) throw new Error('Could not establish connection. Receiving end does not exist.');
    return undefined;
  }) as typeof fakeBrowser.tabs.sendMessage);
  const close = vi.fn();
  const root = mount(
    <Popup send={bg.send} openOptions={() => {}} tabs={browserTabs(fakeBrowser)} close={close} />,
  );
  await waitFor(() => root.querySelector('.popup'));
  const teach = async () => {
    await click(root.querySelector('[data-relance-action=teach-site]'));
    return (await waitFor(() => root.querySelector<HTMLElement>('[data-testid=teach-outcome]')))!;
  };
  return { bg, tab, sendMessage, close, root, teach };
}

const invoice = (number: string, dueDate: string, amountDueCents: number, clientName: string) => ({
  number,
  clientName,
  amountDueCents,
  currency: 'EUR',
  dueDate,
  host: 'factures.example.com',
  url: `https://factures.example.com/${number}`,
});

describe('popup', () => {
  it("shows today's work grouped by client, the overdue total and the sync status, in French", async () => {
    const bg = inProcessBackground({ now: Date.UTC(2026, 1, 24, 10) });
    await bg.send({
      type: 'observeInvoices',
      observations: [
        invoice('F-1', '2026-02-01', 123_456, 'ACME SARL'),
        invoice('F-2', '2026-02-10', 10_000, 'Boulangerie Martin'),
      ],
    });
    const openOptions = vi.fn();
    const root = mount(
      <Popup send={bg.send} openOptions={openOptions} tabs={browserTabs(fakeBrowser)} close={() => {}} />,
    );
    await waitFor(() => root.querySelector('.popup'));
    const shown = text(root);
    expect(shown).toContain("Relance · Aujourd'hui");
    expect(shown).toContain('2 relances à faire');
    expect(shown).toContain('En retard : 1 334,56 € · 2 factures');
    expect(shown).toContain('relance formelle'); // F-1 at J+23
    expect(shown).toContain('J+23');
    expect([...root.querySelectorAll('.client strong')].map((e) => e.textContent)).toEqual([
      'ACME SARL',
      'Boulangerie Martin',
    ]);
    expect(shown).toContain('Mode local');
    root.querySelector<HTMLButtonElement>('[data-relance-action=open-options]')!.click();
    expect(openOptions).toHaveBeenCalled();
  });

  it('speaks English when chosen; before any site it says nothing was seen, not that nothing is late', async () => {
    const bg = inProcessBackground({ now: Date.UTC(2026, 1, 24, 10) });
    await bg.send({ type: 'setLanguage', language: 'en' });
    const root = mount(
      <Popup send={bg.send} openOptions={() => {}} tabs={browserTabs(fakeBrowser)} close={() => {}} />,
    );
    await waitFor(() => root.querySelector('.popup'));
    expect(text(root)).toContain('No invoice seen yet.');
    expect(text(root)).not.toContain('No overdue invoices.');
    expect(text(root)).toContain('Local mode');

    // Once an invoice not yet due was read: nothing to chase, nothing late.
    await bg.send({ type: 'observeInvoices', observations: [invoice('F-9', '2026-03-30', 10_000, 'ACME')] });
    const again = mount(
      <Popup send={bg.send} openOptions={() => {}} tabs={browserTabs(fakeBrowser)} close={() => {}} />,
    );
    await waitFor(() => again.querySelector('.popup'));
    expect(text(again)).toContain('Nothing to chase today.');
    expect(text(again)).toContain('No overdue invoices.');
    expect(text(again)).not.toContain('No invoice seen yet.');
  });

  it('puts the sync status first, caps the list by client with a "see all", and writes counts the French way', async () => {
    const bg = inProcessBackground({ now: Date.UTC(2026, 1, 24, 10) });
    const observations = Array.from({ length: 1_203 }, (_, i) =>
      invoice(`F-${i}`, '2026-02-01', 10_000, `Client ${String(i % 9).padStart(2, '0')}`),
    );
    for (let i = 0; i < observations.length; i += 200) {
      await bg.send({ type: 'observeInvoices', observations: observations.slice(i, i + 200) });
    }
    const root = mount(
      <Popup send={bg.send} openOptions={() => {}} tabs={browserTabs(fakeBrowser)} close={() => {}} />,
    );
    await waitFor(() => root.querySelector('.popup'));
    const sections = [...root.querySelectorAll('.popup > section, .popup > ul, .popup > p')].map(
      (e) => e.className,
    );
    expect(sections[0]).toBe('sync');
    expect(text(root)).toContain('1 203 relances à faire');
    expect(text(root)).toContain('1 203 factures');
    expect(root.querySelectorAll('li.client')).toHaveLength(6);
    expect(root.querySelectorAll('li.invoice')).toHaveLength(18);
    expect(text(root)).toContain('+ 131 autres factures');
    await click(root.querySelector('[data-relance-action=see-all]'));
    await waitFor(() => root.querySelectorAll('li.client').length === 9);
    expect(root.querySelectorAll('li.invoice')).toHaveLength(1_203);
  });

  it('explains a sync error in plain words', async () => {
    const bg = inProcessBackground();
    await bg.db.setState('account', {
      serverUrl: 'https://relance.example.com',
      token: 'secret-token',
      team: { id: crypto.randomUUID(), name: 'Atelier' },
      person: { id: crypto.randomUUID(), name: 'Alice', role: 'owner' },
    });
    await bg.db.setState('progress', {
      cursor: 0,
      failures: 1,
      lastError: { code: 'offline', message: 'fetch failed', at: new Date().toISOString() },
    });
    const root = mount(
      <Popup send={bg.send} openOptions={() => {}} tabs={browserTabs(fakeBrowser)} close={() => {}} />,
    );
    await waitFor(() => root.querySelector('.popup'));
    expect(text(root)).toContain('Le serveur est injoignable');
    expect(text(root)).toContain('Équipe « Atelier », connecté·e en tant que Alice.');
    expect(root.innerHTML).not.toContain('secret-token');
  });
});

describe('popup: teach this site', () => {
  it('starts teach mode in the page underneath and closes, so the page can be clicked', async () => {
    const { root, tab, sendMessage, close, teach } = await overTab('http://localhost:8080/factures', {
      receiver: true,
    });
    expect(button(root, 'Apprendre ce site')).toBeDefined();
    const outcome = await teach();
    expect(sendMessage).toHaveBeenCalledWith(tab.id, { type: 'relance:startTeachMode' });
    expect(outcome.dataset.outcome).toBe('started');
    expect(text(outcome)).toContain('Mode apprentissage lancé');
    expect(close).toHaveBeenCalled();
  });

  it('on a site Relance does not run on, says so and opens the sites section with the site typed in', async () => {
    const { root, close, teach } = await overTab('https://app.factures.fr/liste?page=2', { receiver: false });
    const outcome = await teach();
    expect(outcome.dataset.outcome).toBe('add-site');
    expect(text(outcome)).toContain('Relance ne fonctionne pas encore sur app.factures.fr');
    expect(close).not.toHaveBeenCalled();
    await click(button(root, 'Ajouter app.factures.fr…'));
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain('chrome-extension://test-extension-id/options.html?site=app.factures.fr#sites');
    expect(close).toHaveBeenCalled();
  });

  it('asks for a reload where Relance runs but is not in the tab yet (site just added, page opened before)', async () => {
    const local = await overTab('http://127.0.0.1:3000/', { receiver: false });
    expect(text(await local.teach())).toContain(
      "Relance n'est pas encore lancé dans cet onglet (127.0.0.1:3000)",
    );

    const added = await overTab('https://compta.example.com/factures', { receiver: false, lang: 'en' });
    added.bg.sites.permissions.add('https://*.example.com/*');
    await added.bg.sites.apis.register([
      { id: 'relance-site:https://*.example.com/*', matches: ['https://*.example.com/*'], js: [] },
    ]);
    await added.bg.db.setSetting('sites', {
      sites: [{ pattern: 'https://*.example.com/*', addedAt: new Date().toISOString() }],
    });
    const outcome = await added.teach();
    expect(outcome.dataset.outcome).toBe('reload');
    expect(text(outcome)).toContain(
      'Relance is not running in this tab yet (compta.example.com): reload the page',
    );
    expect(button(added.root, /Add/)).toBeUndefined();
  });

  it("refuses the browser's own pages, and offers to add a site when the address is hidden", async () => {
    const browserPage = await overTab('chrome://extensions/', { receiver: false });
    const outcome = await browserPage.teach();
    expect(outcome.dataset.outcome).toBe('not-a-page');
    expect(text(outcome)).toContain('pas sur les pages du navigateur');

    // Without a permission for the tab's site, the browser does not tell its address.
    const hidden = await overTab(undefined, { receiver: false, lang: 'en' });
    const unknown = await hidden.teach();
    expect(text(unknown)).toContain('Relance does not run on this page.');
    await click(button(hidden.root, 'Add a site…'));
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain('chrome-extension://test-extension-id/options.html#sites');
  });
});
