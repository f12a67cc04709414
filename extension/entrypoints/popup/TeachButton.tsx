import { useState } from 'preact/hooks';
import type { UiTranslator } from '@/lib/i18n/words';
import type { Send } from '@/lib/messages';
import type { PageTabs } from '@/lib/ui/tabs';
import { startTeachMode, type TeachOutcome } from './teach';

interface Props {
  t: UiTranslator;
  send: Send;
  tabs: PageTabs;
  /** Closes the popup: teach mode needs the page's clicks, and the options page opens in a tab. */
  close: () => void;
}

/** "Teach this site": starts teach mode on the page, or explains why it cannot and offers the way in. */
export function TeachButton({ t, send, tabs, close }: Props) {
  const [outcome, setOutcome] = useState<TeachOutcome>();
  const [busy, setBusy] = useState(false);

  const teach = async () => {
    setBusy(true);
    try {
      const result = await startTeachMode(tabs, async () => (await send({ type: 'listSites' })).sites);
      setOutcome(result);
      if (result.kind === 'started') close();
    } finally {
      setBusy(false);
    }
  };

  const addSite = async (host?: string) => {
    await tabs.openSitesOptions(host);
    close();
  };

  return (
    <section class="teach">
      <button type="button" onClick={teach} disabled={busy} data-relance-action="teach-site">
        {t('teachThisSite')}
      </button>
      {outcome && (
        <div class="teach-outcome" role="status" data-testid="teach-outcome" data-outcome={outcome.kind}>
          <p>{message(t, outcome)}</p>
          {outcome.kind === 'add-site' && (
            <button type="button" onClick={() => addSite(outcome.host)} data-relance-action="add-this-site">
              {outcome.host ? t('teachAddSite', { host: outcome.host }) : t('teachAddASite')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function message(t: UiTranslator, outcome: TeachOutcome): string {
  switch (outcome.kind) {
    case 'started':
      return t('teachStarted');
    case 'reload':
      return t('teachReload', { host: outcome.host });
    case 'add-site':
      return outcome.host ? t('teachNotRunningOn', { host: outcome.host }) : t('teachNotRunning');
    case 'not-a-page':
      return t('teachNotAPage');
  }
}
