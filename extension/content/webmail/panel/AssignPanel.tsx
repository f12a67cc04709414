import { useEffect, useState } from 'preact/hooks';
import type { ClientChoice } from '../../../lib/messages';
import { messageOf } from '../../shared/guard';
import type { WebmailTranslator } from './strings';

export interface AssignPanelProps {
  t: WebmailTranslator;
  /** Recipients no client is known by. */
  emails: string[];
  search(query: string): Promise<ClientChoice[]>;
  assign(email: string, client: ClientChoice): Promise<void>;
  /** "Don't ask again for this address" (remembered by the background). */
  dismiss(email: string): void;
}

const SEARCH_DELAY_MS = 200;

/**
 * "This address belongs to…": links a recipient's address to a client, so the panel finds the
 * client from then on (the whole team's extension too: the client document syncs). Closed it is
 * a single quiet link.
 */
export function AssignPanel({ t, emails, search, assign, dismiss }: AssignPanelProps) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState(emails[0] ?? '');
  const [query, setQuery] = useState('');
  const [choices, setChoices] = useState<ClientChoice[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!emails.includes(email)) setEmail(emails[0] ?? '');
  }, [emails, email]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(() => {
      search(query).then(
        (found) => current && setChoices(found),
        (e: unknown) => current && setError(t('failed', { message: messageOf(e) })),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, query, search, t]);

  if (!open) {
    return (
      <div class="assign quiet" data-relance-email={email}>
        <span class="brand">Relance</span>
        <span class="email">{email}</span>
        <button type="button" data-relance-action="assign-email" onClick={() => setOpen(true)}>
          {t('assignPrompt')}
        </button>
        <button
          type="button"
          class="dismiss"
          data-relance-action="dismiss-assign"
          aria-label={t('assignDismiss', { email })}
          title={t('assignDismiss', { email })}
          onClick={() => dismiss(email)}
        >
          ×
        </button>
      </div>
    );
  }
  return (
    <section class="panel" aria-label="Relance">
      <div class="assign">
        <span class="brand">Relance</span>
        {emails.length > 1 ? (
          <select value={email} onChange={(e) => setEmail((e.currentTarget as HTMLSelectElement).value)}>
            {emails.map((address) => (
              <option key={address} value={address}>
                {address}
              </option>
            ))}
          </select>
        ) : (
          <span class="email">{email}</span>
        )}
        <span>{t('assignPrompt')}</span>
        <input
          type="search"
          data-relance-field="client-search"
          placeholder={t('assignSearch')}
          aria-label={t('assignSearch')}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="button" onClick={() => setOpen(false)}>
          {t('close')}
        </button>
      </div>
      {choices && choices.length === 0 && <p class="muted">{t('assignNone')}</p>}
      {choices && choices.length > 0 && (
        <ul>
          {choices.map((choice) => (
            <li key={choice.id}>
              <button
                type="button"
                data-relance-action="assign-to-client"
                data-client={choice.name}
                onClick={() =>
                  assign(email, choice).catch((e: unknown) =>
                    setError(t('failed', { message: messageOf(e) })),
                  )
                }
              >
                {choice.name}
              </button>{' '}
              {choice.overdueCount > 0 && <span class="muted">({choice.overdueCount})</span>}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
