import { useState } from 'preact/hooks';
import type { UiTranslator } from '@/lib/i18n/words';
import type { Send, SiteView } from '@/lib/messages';
import { sitePattern } from '@/lib/sitePatterns';
import type { ShowError } from './Options';

interface Props {
  sites: SiteView[];
  t: UiTranslator;
  send: Send;
  requestOrigins: (origins: string[]) => Promise<boolean>;
  /** A site to add, typed in already (the popup's "add this site"). */
  initialInput?: string;
  onSites: (sites: SiteView[]) => void;
  showError: ShowError;
  clearError: () => void;
}

/** The invoicing sites where the overlay runs; the host permission is asked when one is added. */
export function SitesSection(props: Props) {
  const { sites, t, send, requestOrigins, onSites, showError, clearError } = props;
  const [input, setInput] = useState(props.initialInput ?? '');
  const [refused, setRefused] = useState(false);
  const [added, setAdded] = useState(false);

  const add = async () => {
    clearError();
    setRefused(false);
    setAdded(false);
    let pattern: string;
    try {
      pattern = sitePattern(input);
    } catch (e) {
      showError(e);
      return;
    }
    // First thing in the click handler: the browser asks the person only during a user gesture.
    const granted = await requestOrigins([pattern]);
    if (!granted) {
      setRefused(true);
      return;
    }
    try {
      onSites((await send({ type: 'addSite', pattern })).sites);
      setInput('');
      setAdded(true);
    } catch (e) {
      showError(e);
    }
  };

  const remove = async (pattern: string) => {
    clearError();
    try {
      onSites((await send({ type: 'removeSite', pattern })).sites);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <section id="sites">
      <h2>{t('sitesTitle')}</h2>
      <p class="help">{t('sitesHelp')}</p>
      {sites.length === 0 ? (
        <p class="none">{t('noSites')}</p>
      ) : (
        <ul class="sites">
          {sites.map((site) => (
            <li data-pattern={site.pattern}>
              <code>{site.pattern}</code>{' '}
              <span class="site-state">
                {!site.granted
                  ? t('siteNotGranted')
                  : site.registered
                    ? t('siteGranted')
                    : t('siteNotRegistered')}
              </span>{' '}
              <button type="button" onClick={() => remove(site.pattern)} data-relance-action="remove-site">
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label class="field">
          {t('siteInput')}
          <input
            name="site"
            type="text"
            value={input}
            onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={!input.trim()} data-relance-action="add-site">
          {t('addSite')}
        </button>
        {added && (
          <p class="saved" role="status">
            {t('siteAdded')}
          </p>
        )}
        {refused && (
          <p class="error" role="alert">
            {t('permissionRefused')}
          </p>
        )}
      </form>
    </section>
  );
}
