import { formatDate } from '@relance/shared';
import { useState } from 'preact/hooks';
import type { UiKey, UiTranslator } from '@/lib/i18n/words';
import type { Send, SyncStatusView } from '@/lib/messages';
import { dashboardUrl } from '@/lib/sync/account';
import type { DashboardOpened, DashboardOpener } from '@/lib/ui/dashboard';
import { SyncStatus } from '@/lib/ui/SyncStatus';
import type { ShowError } from './Options';
import { checkServer, completeServerUrl } from './serverAddress';

/** An invite link opens the options page at `options.html#join=<server>|<code>`. */
export function parseJoinLink(hash: string): { serverUrl: string; code: string } | undefined {
  const match = /^#?join=([^|]+)\|(.+)$/.exec(hash);
  if (!match) return undefined;
  try {
    return { serverUrl: decodeURIComponent(match[1]!), code: decodeURIComponent(match[2]!) };
  } catch {
    return undefined;
  }
}

export function joinLinkOf(optionsPage: string, serverUrl: string, code: string): string {
  return `${optionsPage}#join=${encodeURIComponent(serverUrl)}|${encodeURIComponent(code)}`;
}

interface Props {
  status: SyncStatusView;
  t: UiTranslator;
  send: Send;
  confirm: (text: string) => boolean;
  onStatus: (status: SyncStatusView) => void;
  showError: ShowError;
  clearError: () => void;
  dashboard: DashboardOpener;
  copyText: (text: string) => Promise<void>;
  /** Firefox: the consent to send data to the team's server, asked in the click (see docs/privacy.md). */
  requestDataConsent?: () => Promise<boolean>;
  /** Looks at a server address before anything is sent (default: `/healthz`). */
  checkServerAt?: (url: string) => Promise<'ok' | 'not-relance' | 'unreachable'>;
  /** From an invite link: the server and code, ready to join. */
  joinLink?: { serverUrl: string; code: string };
  /** The address of this options page, for the join link in invites. */
  optionsPage?: string;
}

/** Server address, create or join a team, invite, sign out, and the sync status. */
export function AccountSection(props: Props) {
  const { status, t } = props;
  return (
    <section id="account">
      <h2>{t('accountTitle')}</h2>
      <SyncStatus status={status} t={t} send={props.send} onChange={props.onStatus} place="options" />
      {status.mode === 'local-only' ? <SignIn {...props} /> : <SignedIn {...props} />}
      {status.setAside.length > 0 && (
        <details class="set-aside">
          <summary>{t('setAsideTitle')}</summary>
          <ul>
            {status.setAside.map((row) => (
              <li>
                {row.summary} — {t(`setAside.${row.status}` as UiKey)}
                {row.reason ? ` (${row.reason})` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function SignIn(props: Props) {
  const { status, t, onStatus, showError, clearError, joinLink } = props;
  const [serverUrl, setServerUrl] = useState(joinLink?.serverUrl ?? status.serverUrl ?? '');
  const [teamName, setTeamName] = useState('');
  const [code, setCode] = useState(joinLink?.code ?? '');
  const [personName, setPersonName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<UiKey>();

  /** Consent first (a browser asks only inside the click), then the address, then the server's answer. */
  const run = async (action: (url: string) => Promise<SyncStatusView>) => {
    clearError();
    setProblem(undefined);
    setBusy(true);
    try {
      if (props.requestDataConsent && !(await props.requestDataConsent().catch(() => false))) {
        setProblem('dataConsentRefused');
        return;
      }
      const url = completeServerUrl(serverUrl);
      setServerUrl(url);
      const check = await (props.checkServerAt ?? ((u: string) => checkServer(u)))(url);
      if (check !== 'ok') {
        setProblem(check === 'unreachable' ? 'serverUnreachable' : 'serverNotRelance');
        return;
      }
      onStatus(await action(url));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const { send } = props;
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

  return (
    <div class="sign-in">
      <label class="field">
        {t('serverUrl')}
        <input
          name="serverUrl"
          type="text"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          value={serverUrl}
          onInput={(e) => setServerUrl(value(e))}
          onBlur={() => setServerUrl(completeServerUrl(serverUrl))}
        />
        <small>{t('serverUrlHelp')}</small>
      </label>
      {problem && (
        <p class="error" role="alert" data-testid="server-problem">
          {t(problem)}
        </p>
      )}
      <label class="field">
        {t('yourName')}
        <input name="personName" type="text" value={personName} onInput={(e) => setPersonName(value(e))} />
      </label>
      <div class="columns">
        <form
          class="create-team"
          onSubmit={(e) => {
            e.preventDefault();
            void run((url) => send({ type: 'createTeam', serverUrl: url, teamName, personName }));
          }}
        >
          <h3>{t('createTeamTitle')}</h3>
          <label class="field">
            {t('teamName')}
            <input name="teamName" type="text" value={teamName} onInput={(e) => setTeamName(value(e))} />
          </label>
          <button type="submit" disabled={busy || !serverUrl || !teamName || !personName}>
            {t('createTeam')}
          </button>
        </form>
        <form
          class="join-team"
          onSubmit={(e) => {
            e.preventDefault();
            void run((url) => send({ type: 'joinTeam', serverUrl: url, code, personName }));
          }}
        >
          <h3>{t('joinTeamTitle')}</h3>
          <label class="field">
            {t('inviteCode')}
            <input name="inviteCode" type="text" value={code} onInput={(e) => setCode(value(e))} />
          </label>
          <button type="submit" disabled={busy || !serverUrl || !code || !personName}>
            {t('joinTeam')}
          </button>
        </form>
      </div>
    </div>
  );
}

function SignedIn(props: Props) {
  const { status, t, send, confirm, onStatus, showError, clearError } = props;
  const [invite, setInvite] = useState<{ code: string; expiresAt: string }>();
  const [inviteRole, setInviteRole] = useState<'member' | 'lead'>('member');
  const [copied, setCopied] = useState(false);
  const role = status.person?.role ?? 'member';
  const roleKey = `role.${role}` as UiKey;

  const createInvite = async () => {
    clearError();
    setCopied(false);
    try {
      setInvite(await send({ type: 'createInvite', role: inviteRole }));
    } catch (e) {
      showError(e);
    }
  };
  const serverUrl = status.serverUrl ?? '';
  const message = invite
    ? t('inviteMessage', {
        team: status.team?.name ?? '',
        server: serverUrl,
        code: invite.code,
        expires: formatDate(invite.expiresAt.slice(0, 10), t.lang),
        link: props.optionsPage ? joinLinkOf(props.optionsPage, serverUrl, invite.code) : serverUrl,
        person: status.person?.name ?? '',
      })
    : '';
  const copyInvite = async () => {
    clearError();
    try {
      await props.copyText(message);
      setCopied(true);
    } catch (e) {
      showError(e);
    }
  };

  const signOut = async () => {
    clearError();
    try {
      onStatus(await send({ type: 'signOut' }));
    } catch (e) {
      const unsent = (e as { code?: string }).code === 'unsent-changes';
      if (unsent && confirm(t('confirmDiscard', { count: status.pending }))) {
        onStatus(await send({ type: 'signOut', discardUnsent: true }));
      } else if (!unsent) {
        showError(e);
      }
    }
  };

  return (
    <div class="signed-in">
      <p data-testid="signed-in-as">
        {t('signedInAs', {
          person: status.person?.name ?? '',
          role: ['owner', 'lead', 'member'].includes(role) ? t(roleKey) : role,
          team: status.team?.name ?? '',
        })}
      </p>
      <p class="server">{status.serverUrl}</p>
      {(role === 'owner' || role === 'lead') && (
        <div class="invite">
          <p>
            <label>
              {t('inviteRole')}{' '}
              <select
                name="inviteRole"
                value={inviteRole}
                onChange={(e) =>
                  setInviteRole((e.currentTarget as HTMLSelectElement).value as 'member' | 'lead')
                }
              >
                <option value="member">{t('role.member')}</option>
                <option value="lead">{t('role.lead')}</option>
              </select>
            </label>{' '}
            <button type="button" onClick={createInvite} data-relance-action="create-invite">
              {t('createInvite')}
            </button>{' '}
            {invite && (
              <output data-testid="invite-code">
                {t('inviteCreated', {
                  code: invite.code,
                  expires: formatDate(invite.expiresAt.slice(0, 10), t.lang),
                })}
              </output>
            )}
          </p>
          {invite && (
            <>
              <label class="field">
                {t('inviteMessageLabel')}
                <textarea
                  name="inviteMessage"
                  readOnly
                  rows={11}
                  value={message}
                  data-testid="invite-message"
                />
              </label>
              <button type="button" onClick={copyInvite} data-relance-action="copy-invite">
                {t('copyInvite')}
              </button>{' '}
              {copied && (
                <span class="saved" role="status">
                  {t('inviteCopied')}
                </span>
              )}
            </>
          )}
        </div>
      )}
      {role === 'owner' || role === 'lead' ? (
        <Dashboard {...props} />
      ) : (
        <p class="help" data-testid="dashboard-leads-only">
          {t('dashboardLeadsOnly')}
        </p>
      )}
      <button type="button" class="danger" onClick={signOut} data-relance-action="sign-out">
        {t('signOut')}
      </button>
    </div>
  );
}

/**
 * The team's dashboard (owners and leads): the link signs this browser in on the way (see
 * lib/ui/dashboard.ts), and the token can be copied to sign in elsewhere. The token is fetched
 * when asked for and never shown on the page.
 */
function Dashboard({ status, t, send, dashboard, copyText, showError, clearError }: Props) {
  const [note, setNote] = useState<{ key: UiKey; kind: 'saved' | 'help' }>();
  const serverUrl = status.serverUrl ?? '';
  const href = dashboardUrl(serverUrl);
  const access = () => send({ type: 'getDashboardAccess' });

  const open = async (event: Event) => {
    event.preventDefault();
    clearError();
    setNote(undefined);
    try {
      const opened: DashboardOpened = await dashboard.open(serverUrl, access);
      if (opened === 'opened') setNote({ key: 'dashboardOpenedPaste', kind: 'help' });
    } catch (e) {
      showError(e);
    }
  };

  const copy = async () => {
    clearError();
    setNote(undefined);
    try {
      await copyText((await access()).token);
      setNote({ key: 'dashboardTokenCopied', kind: 'saved' });
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div class="dashboard">
      <p>
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          onClick={open}
          data-relance-action="open-dashboard"
        >
          {t('dashboardLink')}
        </a>{' '}
        <button type="button" onClick={copy} data-relance-action="copy-dashboard-token">
          {t('dashboardCopyToken')}
        </button>
      </p>
      <p class="help">{t('dashboardHelp')}</p>
      {note && (
        <p class={note.kind} role="status" data-testid="dashboard-note">
          {t(note.key)}
        </p>
      )}
    </div>
  );
}
