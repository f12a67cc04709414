// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardAccess } from '@/lib/messages';
import type { DashboardOpened, DashboardOpener } from '@/lib/ui/dashboard';
import { button, choose, click, inProcessBackground, mount, text, type, waitFor } from '../../test/ui';
import { Options, type OptionsProps } from './Options';

/** Records what the options page asks of the dashboard opener and the clipboard. */
function fakeOutside(opened: DashboardOpened = 'signed-in') {
  const opens: { serverUrl: string; access: DashboardAccess }[] = [];
  const dashboard: DashboardOpener = {
    async open(serverUrl, access) {
      opens.push({ serverUrl, access: await access() });
      return opened;
    },
  };
  const copied: string[] = [];
  const copyText = async (value: string) => {
    copied.push(value);
  };
  return { dashboard, copyText, opens, copied };
}

type Outside = Pick<OptionsProps, 'dashboard' | 'copyText'>;
const outside = (): Outside => {
  const { dashboard, copyText } = fakeOutside();
  return { dashboard, copyText };
};

function setup(grant = true) {
  const bg = inProcessBackground();
  const requestOrigins = vi.fn(async (origins: string[]) => {
    if (grant) for (const o of origins) bg.sites.permissions.add(o);
    return grant;
  });
  const root = mount(
    <Options send={bg.send} requestOrigins={requestOrigins} confirm={() => true} {...outside()} />,
  );
  return { bg, root, requestOrigins };
}

const loaded = (root: HTMLElement) => waitFor(() => root.querySelector('.options'));

describe('options page', () => {
  it('renders in French, then in English once chosen', async () => {
    const { root, bg } = setup();
    await loaded(root);
    expect(text(root)).toContain('Options de Relance');
    expect(text(root)).toContain('Calendrier des relances');
    expect(text(root)).toContain('Mode local');
    await choose(root.querySelector('select[name=language]'), 'en');
    await waitFor(() => text(root).includes('Reminder schedule'));
    expect(text(root)).toContain('Sites where Relance works');
    expect((await bg.send({ type: 'getSettings' })).language).toBe('en');
  });

  it('welcome: leads alone to the profile or with a team to the account, remembered, can be reopened', async () => {
    const { root, bg } = setup();
    await loaded(root);
    const welcome = () => root.querySelector('[data-testid=welcome]');
    expect(text(welcome()!)).toContain('Bienvenue dans Relance');
    // A banner, not a wall: the sections below are there already.
    expect(root.querySelector('#account input')).not.toBeNull();

    await click(button(welcome()!, 'Seul(e) sur ce navigateur'));
    await waitFor(() => !welcome());
    expect((await bg.send({ type: 'getSettings' })).welcome).toBe('alone');
    await waitFor(() => document.activeElement?.closest('#profile'));

    await click(root.querySelector('[data-testid=reopen-welcome]'));
    await waitFor(() => welcome());
    expect((await bg.send({ type: 'getSettings' })).welcome).toBeUndefined();
    await click(button(welcome()!, 'Avec une équipe'));
    await waitFor(() => document.activeElement?.closest('#account'));
    expect((await bg.send({ type: 'getSettings' })).welcome).toBe('team');

    // Remembered: a fresh page does not ask again; the language is kept alongside.
    await choose(root.querySelector('select[name=language]'), 'en');
    const again = mount(
      <Options send={bg.send} requestOrigins={async () => true} confirm={() => true} {...outside()} />,
    );
    await loaded(again);
    expect(again.querySelector('[data-testid=welcome]')).toBeNull();
    expect(text(again)).toContain('Show the welcome again');
    expect((await bg.send({ type: 'getSettings' })).welcome).toBe('team');
  });

  it('schedule editor: refuses days out of order, saves a valid change', async () => {
    const { root, bg } = setup();
    await loaded(root);
    const schedule = root.querySelector('#schedule')!;
    await type(schedule.querySelector('input[name=offset-reminder-2]'), '5');
    expect(text(schedule)).toContain('Les jours doivent aller en croissant');
    expect(button(schedule, 'Enregistrer')!.disabled).toBe(true);
    await type(schedule.querySelector('input[name=offset-reminder-2]'), '20');
    await click(schedule.querySelector('input[name=enabled-courtesy]'));
    await click(button(schedule, 'Enregistrer'));
    await waitFor(() => text(schedule).includes('Enregistré.'));
    const { team } = await bg.send({ type: 'getSettings' });
    expect(team.schedule.find((s) => s.stage === 'reminder-2')!.offsetDays).toBe(20);
    expect(team.schedule.find((s) => s.stage === 'courtesy')!.enabled).toBe(false);
  });

  it('templates editor: readable fields, inserted from buttons, stored as the real syntax', async () => {
    const { root, bg } = setup();
    await loaded(root);
    const section = root.querySelector('#templates')!;
    const preview = () => text(section.querySelector('[data-testid=template-preview]')!);
    const subject = section.querySelector<HTMLInputElement>('input[name=templateSubject]')!;
    const body = section.querySelector<HTMLTextAreaElement>('textarea[name=templateBody]')!;
    // The baker reads names in brackets, never the {{…}} syntax.
    expect(body.value).toContain('[Montant dû]');
    expect(body.value).toContain('[Si une seule facture]');
    expect(`${subject.value}${body.value}`).not.toContain('{{');
    expect(preview()).toContain('F-2026-014');
    expect(preview()).not.toContain('Marie Dupont'); // no sample signer: nobody named yet
    expect(preview()).toContain('[Votre nom]');
    expect(preview()).toContain('renseignez-le dans « Mon profil »');

    // A typo is caught and the suggestion is said in readable names.
    await type(subject, 'Facture [Numéro de facture] pour {{clinet}}');
    expect(text(section)).toContain('Champ inconnu {{clinet}}');
    expect(text(section)).toContain('Vouliez-vous dire [Nom du client]');
    expect(button(section, 'Enregistrer')!.disabled).toBe(true);

    // Fields are inserted at the cursor of the last field used.
    await type(subject, 'Facture  pour ');
    await act(() => {
      subject.focus();
      subject.setSelectionRange(8, 8);
    });
    await click(section.querySelector('[data-field=invoice_number]'));
    await act(() => subject.setSelectionRange(subject.value.length, subject.value.length));
    await click(section.querySelector('[data-field=client]'));
    expect(subject.value).toBe('Facture [Numéro de facture] pour [Nom du client]');
    expect(preview()).toContain('Facture F-2026-014 pour Boulangerie Martin');

    // A condition wraps the selected text.
    await type(body, 'Bonjour,\nVoici la facture.\n[Signature]');
    await act(() => {
      body.focus();
      body.setSelectionRange(9, 26);
    });
    await click(section.querySelector('[data-section=singular]'));
    expect(body.value).toBe(
      'Bonjour,\n[Si une seule facture]Voici la facture.[Fin si une seule facture]\n[Signature]',
    );
    // A bracket that is not a field is pointed out: it would reach the client as written.
    await type(body, `${body.value}\n[Nom du clien]`);
    expect(text(section.querySelector('[data-testid=template-unknown]')!)).toContain('[Nom du clien]');
    await type(
      body,
      'Bonjour,\n[Si une seule facture]Voici la facture.[Fin si une seule facture]\n[Signature]',
    );

    await click(button(section, 'Enregistrer'));
    await waitFor(() => text(section).includes('Modèle personnalisé'));
    const { team } = await bg.send({ type: 'getSettings' });
    expect(team.templates.fr?.['reminder-1']?.subject).toBe('Facture {{invoice_number}} pour {{client}}');
    expect(team.templates.fr?.['reminder-1']?.body).toBe(
      'Bonjour,\n{{#singular}}Voici la facture.{{/singular}}\n{{signature}}',
    );

    // English templates preview in English.
    await choose(section.querySelector('select[name=templateLanguage]'), 'en');
    await waitFor(() => preview().includes('€1,234.56'));
  });

  it('templates editor: the preview is signed by the person, from their profile', async () => {
    const { root } = setup();
    await loaded(root);
    const preview = () => text(root.querySelector('#templates [data-testid=template-preview]')!);
    await waitFor(() => root.querySelector('#profile'));
    const profile = root.querySelector('#profile')!;
    await type(profile.querySelector('input[name=profile-name]'), 'Claire Fournier');
    await type(profile.querySelector('input[name=profile-role]'), 'Gérante');
    await click(button(profile, 'Enregistrer'));
    await waitFor(() => preview().includes('Claire Fournier'));
    expect(preview()).toContain('Gérante');
    expect(root.querySelector('[data-testid=preview-unsigned]')).toBeNull();
  });

  it('sites: asks the host permission when a site is added, lists it, removes it', async () => {
    const { root, requestOrigins } = setup();
    await loaded(root);
    const section = root.querySelector('#sites')!;
    await type(section.querySelector('input[name=site]'), 'https://factures.example.com/app/list');
    await click(section.querySelector('[data-relance-action=add-site]'));
    await waitFor(() => section.querySelector('li[data-pattern]'));
    expect(requestOrigins).toHaveBeenCalledWith(['https://factures.example.com/*']);
    expect(text(section)).toContain('https://factures.example.com/*');
    expect(text(section)).toContain('actif');
    await click(section.querySelector('[data-relance-action=remove-site]'));
    await waitFor(() => text(section).includes('Aucun site ajouté.'));
  });

  it('sites: opened from the popup\'s "add this site", the site is typed in and the section in focus', async () => {
    const bg = inProcessBackground();
    const requestOrigins = vi.fn(async (origins: string[]) => {
      for (const o of origins) bg.sites.permissions.add(o);
      return true;
    });
    const root = mount(
      <Options
        send={bg.send}
        requestOrigins={requestOrigins}
        confirm={() => true}
        initialSite="app.factures.fr"
        focusSection="sites"
        {...outside()}
      />,
    );
    await loaded(root);
    const section = root.querySelector('#sites')!;
    const input = section.querySelector<HTMLInputElement>('input[name=site]')!;
    expect(input.value).toBe('app.factures.fr');
    await waitFor(() => document.activeElement === input);
    await click(section.querySelector('[data-relance-action=add-site]'));
    await waitFor(() => section.querySelector('li[data-pattern]'));
    expect(requestOrigins).toHaveBeenCalledWith(['https://app.factures.fr/*']);
    expect(text(section)).toContain('Site ajouté. Rechargez ses pages déjà ouvertes');
    expect(bg.sites.scripts.has('relance-site:https://app.factures.fr/*')).toBe(true);
  });

  it('sites: a refused permission adds nothing and says so', async () => {
    const { root } = setup(false);
    await loaded(root);
    const section = root.querySelector('#sites')!;
    await type(section.querySelector('input[name=site]'), 'factures.example.com');
    await click(section.querySelector('[data-relance-action=add-site]'));
    await waitFor(() => text(section).includes("L'autorisation n'a pas été accordée"));
    expect(section.querySelector('li[data-pattern]')).toBeNull();
  });

  it('account: an unreachable server is explained in French', async () => {
    const { root } = setup();
    await loaded(root);
    const account = root.querySelector('#account')!;
    await type(account.querySelector('input[name=serverUrl]'), 'https://relance.example.com');
    await type(account.querySelector('input[name=personName]'), 'Alice');
    await type(account.querySelector('input[name=teamName]'), 'Atelier');
    await click(button(account, "Créer l'équipe"));
    await waitFor(() => root.querySelector('[data-testid=server-problem]'), 15_000);
    expect(text(root.querySelector('[data-testid=server-problem]')!)).toContain(
      'Aucun serveur ne répond à cette adresse',
    );
  });

  it('account: completes the address, says when it is not Relance, and asks for consent first', async () => {
    const bg = inProcessBackground();
    const checked: string[] = [];
    const consent = vi.fn(async () => false);
    const root = mount(
      <Options
        send={bg.send}
        requestOrigins={async () => true}
        confirm={() => true}
        {...outside()}
        requestDataConsent={consent}
        checkServerAt={async (url) => {
          checked.push(url);
          return 'not-relance';
        }}
        joinLink={{ serverUrl: 'relance.atelier.fr', code: 'ABCD-1234' }}
      />,
    );
    await loaded(root);
    const account = root.querySelector('#account')!;
    expect(account.querySelector<HTMLInputElement>('input[name=inviteCode]')!.value).toBe('ABCD-1234');
    await type(account.querySelector('input[name=personName]'), 'Alice');
    await click(button(account, 'Rejoindre'));
    await waitFor(() => root.querySelector('[data-testid=server-problem]'));
    expect(text(root.querySelector('[data-testid=server-problem]')!)).toContain(
      'Relance reste sur ce navigateur',
    );
    expect(checked).toEqual([]);

    consent.mockResolvedValue(true);
    await click(button(account, 'Rejoindre'));
    await waitFor(() =>
      text(root.querySelector('[data-testid=server-problem]')!).includes('pas un serveur Relance'),
    );
    expect(checked).toEqual(['https://relance.atelier.fr']);
    expect(account.querySelector<HTMLInputElement>('input[name=serverUrl]')!.value).toBe(
      'https://relance.atelier.fr',
    );
  });

  it('team settings: saves company and sender names', async () => {
    const { root, bg } = setup();
    await loaded(root);
    const section = root.querySelector('#team-settings')!;
    await type(section.querySelector('input[name=companyName]'), 'Atelier Dupont');
    await type(section.querySelector('input[name=senderName]'), 'Marie Dupont');
    await type(section.querySelector('input[name=quietPeriodDays]'), '7');
    await click(button(section, 'Enregistrer'));
    await waitFor(() => text(section).includes('Enregistré.'));
    expect((await bg.send({ type: 'getSettings' })).team).toMatchObject({
      companyName: 'Atelier Dupont',
      senderName: 'Marie Dupont',
      quietPeriodDays: 7,
    });
  });

  it('a team member reads the team settings but cannot change them; the account shows who and where', async () => {
    const bg = inProcessBackground();
    await bg.db.setState('account', {
      serverUrl: 'https://relance.example.com',
      token: 'secret-token',
      team: { id: crypto.randomUUID(), name: 'Atelier' },
      person: { id: crypto.randomUUID(), name: 'Max', role: 'member' },
    });
    const root = mount(
      <Options send={bg.send} requestOrigins={async () => true} confirm={() => true} {...outside()} />,
    );
    await loaded(root);
    expect(text(root.querySelector('[data-testid=signed-in-as]')!)).toBe(
      'Max (membre) dans l’équipe « Atelier »',
    );
    expect(root.querySelector('[data-relance-action=create-invite]')).toBeNull();
    for (const id of ['#team-settings', '#schedule', '#templates']) {
      const section = root.querySelector(id)!;
      expect(text(section)).toContain('seuls ses propriétaires et responsables peuvent les modifier');
      expect(button(section, 'Enregistrer')!.disabled).toBe(true);
    }
    expect(root.querySelector('[data-relance-action=open-dashboard]')).toBeNull();
    expect(root.querySelector('[data-relance-action=copy-dashboard-token]')).toBeNull();
    expect(text(root)).toContain(
      "Le tableau de bord de l'équipe est réservé à son propriétaire et à ses responsables.",
    );
    expect(root.innerHTML).not.toContain('secret-token');
  });

  it('an owner opens the dashboard signed in, or copies the sign-in token; the token is never on the page', async () => {
    const bg = inProcessBackground();
    await bg.db.setState('account', {
      serverUrl: 'https://relance.example.com',
      token: 'tok_owner_0123456789',
      team: { id: crypto.randomUUID(), name: 'Atelier' },
      person: { id: crypto.randomUUID(), name: 'Alice', role: 'owner' },
    });
    const fake = fakeOutside();
    const root = mount(
      <Options
        send={bg.send}
        requestOrigins={async () => true}
        confirm={() => true}
        dashboard={fake.dashboard}
        copyText={fake.copyText}
      />,
    );
    await loaded(root);
    const link = root.querySelector<HTMLAnchorElement>('[data-relance-action=open-dashboard]')!;
    expect(link.textContent).toBe('Tableau de bord');
    expect(link.getAttribute('href')).toBe('https://relance.example.com/dashboard');
    await click(link);
    await waitFor(() => fake.opens.length === 1);
    expect(fake.opens[0]).toEqual({
      serverUrl: 'https://relance.example.com',
      access: { url: 'https://relance.example.com/dashboard', token: 'tok_owner_0123456789' },
    });
    expect(root.querySelector('[data-testid=dashboard-note]')).toBeNull();

    await click(button(root, 'Copier mon jeton de connexion'));
    await waitFor(() => root.querySelector('[data-testid=dashboard-note]'));
    expect(fake.copied).toEqual(['tok_owner_0123456789']);
    expect(text(root)).toContain('Jeton copié. Collez-le sur la page de connexion du tableau de bord');
    expect(root.innerHTML).not.toContain('tok_owner');
  });

  it('says what to do when the dashboard opened but could not be signed in (English)', async () => {
    const bg = inProcessBackground();
    await bg.send({ type: 'setLanguage', language: 'en' });
    await bg.db.setState('account', {
      serverUrl: 'https://relance.example.com',
      token: 'tok_lead_0123456789',
      team: { id: crypto.randomUUID(), name: 'Atelier' },
      person: { id: crypto.randomUUID(), name: 'Léa', role: 'lead' },
    });
    const fake = fakeOutside('opened');
    const root = mount(
      <Options
        send={bg.send}
        requestOrigins={async () => true}
        confirm={() => true}
        dashboard={fake.dashboard}
        copyText={fake.copyText}
      />,
    );
    await loaded(root);
    await click(root.querySelector('[data-relance-action=open-dashboard]'));
    await waitFor(() => root.querySelector('[data-testid=dashboard-note]'));
    expect(text(root)).toContain(
      'The dashboard opened on its sign-in page: copy your token here, then paste it there.',
    );
    expect(button(root, 'Copy my sign-in token')).toBeDefined();
  });
});
