import { useEffect, useState } from 'preact/hooks';
import type { UiTranslator } from '@/lib/i18n/words';
import type { Send } from '@/lib/messages';
import type { PageTabs } from '@/lib/ui/tabs';
import { startTeachMode } from './teach';

interface Props {
  t: UiTranslator;
  send: Send;
  tabs: PageTabs;
  close: () => void;
}

/**
 * "This site is not understood": the invoicing overlay runs on the page underneath (a site the user
 * added, a self-hosted tool) but recognised no invoice there. It says so and offers teach mode. The
 * overlay answers with counts only: no page text leaves the browser.
 */
export function NotUnderstood({ t, send, tabs, close }: Props) {
  const [unknown, setUnknown] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      const tab = await tabs.active();
      const report = tab && tabs.report ? await tabs.report(tab.id) : undefined;
      if (live && report && report.invoices === 0) setUnknown(true);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [tabs]);

  if (!unknown) return null;
  const teach = async () => {
    const outcome = await startTeachMode(tabs, async () => (await send({ type: 'listSites' })).sites);
    if (outcome.kind === 'started') close();
  };
  return (
    <section class="not-understood" role="status" data-testid="site-not-understood">
      <p>{t('siteNotUnderstood')}</p>
      <button type="button" onClick={teach} data-relance-action="teach-unknown-site">
        {t('siteNotUnderstoodTeach')}
      </button>
    </section>
  );
}
