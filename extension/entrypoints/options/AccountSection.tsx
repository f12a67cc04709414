import { formatDate } from '@relance/shared';
import { useState } from 'preact/hooks';
import type { UiKey, UiTranslator } from '@/lib/i18n/words';
import type { Send, SyncStatusView } from '@/lib/messages';
import { dashboardUrl } from '@/lib/sync/account';
import type { DashboardOpened, DashboardOpener } from '@/lib/ui/dashboard';
import { SyncStatus } from '@/lib/ui/SyncStatus';
import type { ShowError } from './Options';

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
}

/** Server address, create or join a team, invite, sign out, and the sync status. */
export function AccountSection(props: Props) {
  const { status, t } = props;
  return (
    <section id="account">
      <h2>{t('accountTitle')}</h2>
      {status.mode === 'local-only' ? <SignIn {...props} /> : <SignedIn {...props} />}
      <SyncStatus status={status} t={t} send={props.send} onChange={props.onStatus} />
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

function SignIn({ status, t, send, onStatus, showError, clearError }: Props) {
  const [serverUrl, setServerUrl] = useState(status.serverUrl ?? '');
  const [teamName, setTeamName] = useState('');
  const [code, setCode] = useState('');
  const [personName, setPersonName] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<SyncStatusView>) => {
    clearError();
    setBusy(true);
    try {
      onStatus(await action());
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

  return (
    <div class="sign-in">
      <label class="field">
        {t('serverUrl')}
        <input name="serverUrl" type="url" value={serverUrl} onInput={(e) => setServerUrl(value(e))} />
        <small>{t('serverUrlHelp')}</small>
      </label>
      <label class="field">
        {t('yourName')}
        <input name="personName" type="text" value={personName} onInput={(e) => setPersonName(value(e))} />
      </label>
      <div class="columns">
        <form
          class="create-team"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => send({ type: 'createTeam', serverUrl, teamName, personName }));
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
            void run(() => send({ type: 'joinTeam', serverUrl, code, personName }));
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
  const role = status.person?.role ?? 'member';
  const roleKey = `role.${role}` as UiKey;

  const createInvite = async () => {
    clearError();
    try {
      setInvite(await send({ type: 'createInvite' }));
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
        <p>
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
