import { fieldTag, type Language, type TeamSettings } from '@relance/shared';
import { useEffect, useState } from 'preact/hooks';
import { errorText, type UiTranslator, uiTranslator } from '@/lib/i18n/words';
import type {
  PersonProfile,
  Send,
  SettingsView,
  SiteView,
  SyncStatusView,
  WelcomeChoice,
} from '@/lib/messages';
import type { DashboardOpener } from '@/lib/ui/dashboard';
import { AccountSection } from './AccountSection';
import { CompanySection } from './CompanySection';
import { ProfileSection } from './ProfileSection';
import { ScheduleEditor } from './ScheduleEditor';
import { SitesSection } from './SitesSection';
import { TeamSettingsSection } from './TeamSettingsSection';
import { TemplatesEditor } from './TemplatesEditor';
import { ReopenWelcome, WELCOME_TARGET, Welcome } from './Welcome';

export interface OptionsProps {
  send: Send;
  /** `browser.permissions.request` for these origins; resolves to whether they were granted. */
  requestOrigins: (origins: string[]) => Promise<boolean>;
  confirm: (text: string) => boolean;
  /** Opens the team's dashboard in a tab, signed in when it can (lib/ui/dashboard.ts). */
  dashboard: DashboardOpener;
  /** Writes to the clipboard (the sign-in token, on request). */
  copyText: (text: string) => Promise<void>;
  /** Opened from the popup's "add this site": that site ready to add, and the sites section in view. */
  initialSite?: string;
  focusSection?: string;
  /** See AccountSection: Firefox's data consent, the server check, an invite link, this page's address. */
  requestDataConsent?: () => Promise<boolean>;
  checkServerAt?: (url: string) => Promise<'ok' | 'not-relance' | 'unreachable'>;
  joinLink?: { serverUrl: string; code: string };
  optionsPage?: string;
}

export type SaveTeamSettings = (patch: Partial<TeamSettings>) => Promise<void>;

/** Errors thrown by `send` carry the background's code; the UI turns them into sentences. */
export type ShowError = (error: unknown) => void;

export function Options(props: OptionsProps) {
  const { send, requestOrigins, confirm, initialSite, focusSection } = props;
  const [settings, setSettings] = useState<SettingsView>();
  const [status, setStatus] = useState<SyncStatusView>();
  const [sites, setSites] = useState<SiteView[]>();
  const [error, setError] = useState<string>();
  const [profile, setProfile] = useState<PersonProfile>();
  const lang: Language = settings?.language ?? 'fr';
  const t: UiTranslator = uiTranslator(lang);

  const showError: ShowError = (e) => setError(errorText(t, e as { code?: string; message?: string }));

  useEffect(() => {
    Promise.all([send({ type: 'getSettings' }), send({ type: 'getSyncStatus' }), send({ type: 'listSites' })])
      .then(([s, st, list]) => {
        setSettings(s);
        setStatus(st);
        setSites(list.sites);
      })
      .catch(showError);
  }, [send]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('optionsTitle');
  }, [lang]);

  const ready = !!settings && !!status && !!sites;
  // The section asked for (by the popup, or by the welcome's answer), brought into view once rendered.
  const [target, setTarget] = useState(focusSection);
  useEffect(() => {
    if (!ready || !target) return;
    const section = document.getElementById(target);
    section?.scrollIntoView?.();
    (section?.querySelector<HTMLElement>('input') ?? section?.querySelector<HTMLElement>('button'))?.focus();
  }, [ready, target]);

  if (!settings || !status || !sites) {
    return <p class={error ? 'error' : 'loading'}>{error ?? t('loading')}</p>;
  }

  const readOnly = !settings.canEditTeamSettings;
  // The preview is signed as the person's reminders will be (background signerOf): profile, account, team.
  const signer = {
    name: profile?.name || status.person?.name || settings.team.senderName || fieldTag('sender', lang),
    ...(profile?.role ? { role: profile.role } : {}),
    ...(profile?.phone ? { phone: profile.phone } : {}),
    ...(profile?.email ? { email: profile.email } : {}),
  };
  const saveTeam: SaveTeamSettings = async (patch) => {
    setError(undefined);
    try {
      setSettings(await send({ type: 'saveTeamSettings', settings: { ...settings.team, ...patch } }));
    } catch (e) {
      showError(e);
      throw e;
    }
  };

  const setLanguage = async (language: Language) => {
    try {
      setSettings(await send({ type: 'setLanguage', language }));
    } catch (e) {
      showError(e);
    }
  };

  const setWelcome = async (choice: WelcomeChoice | null) => {
    try {
      setSettings(await send({ type: 'setWelcome', choice }));
      setTarget(choice ? WELCOME_TARGET[choice] : 'welcome');
    } catch (e) {
      showError(e);
    }
  };
  const localOnly = status.mode === 'local-only';

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {localOnly && !settings.welcome && <Welcome lang={lang} onChoose={setWelcome} />}
      {localOnly && settings.welcome && <ReopenWelcome lang={lang} onReopen={() => setWelcome(null)} />}
      {error && (
        <p class="error" role="alert" data-testid="options-error">
          {error}
        </p>
      )}

      <section id="language">
        <h2>{t('languageTitle')}</h2>
        <label>
          {t('languageLabel')}{' '}
          <select
            name="language"
            value={lang}
            onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value as Language)}
          >
            <option value="fr">{t('language.fr')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>
      </section>

      <AccountSection
        status={status}
        t={t}
        send={send}
        confirm={confirm}
        onStatus={setStatus}
        showError={showError}
        clearError={() => setError(undefined)}
        dashboard={props.dashboard}
        copyText={props.copyText}
        {...(props.requestDataConsent ? { requestDataConsent: props.requestDataConsent } : {})}
        {...(props.checkServerAt ? { checkServerAt: props.checkServerAt } : {})}
        {...(props.joinLink ? { joinLink: props.joinLink } : {})}
        {...(props.optionsPage ? { optionsPage: props.optionsPage } : {})}
      />
      <ProfileSection send={send} lang={lang} showError={showError} onProfile={setProfile} />
      <TeamSettingsSection settings={settings.team} t={t} onSave={saveTeam} readOnly={readOnly} />
      <CompanySection settings={settings.team} lang={lang} onSave={saveTeam} readOnly={readOnly} />
      <ScheduleEditor
        schedule={settings.team.schedule}
        t={t}
        onSave={(schedule) => saveTeam({ schedule })}
        readOnly={readOnly}
      />
      <TemplatesEditor
        settings={settings.team}
        t={t}
        onSave={(templates) => saveTeam({ templates })}
        readOnly={readOnly}
        signer={signer}
      />
      <SitesSection
        sites={sites}
        t={t}
        send={send}
        requestOrigins={requestOrigins}
        initialInput={initialSite}
        onSites={setSites}
        showError={showError}
        clearError={() => setError(undefined)}
      />
    </main>
  );
}
