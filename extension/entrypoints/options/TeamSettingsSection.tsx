import type { Jurisdiction, Language, TeamSettings } from '@relance/shared';
import { useEffect, useState } from 'preact/hooks';
import type { UiKey, UiTranslator } from '@/lib/i18n/words';
import type { SaveTeamSettings } from './Options';

const JURISDICTIONS: Jurisdiction[] = ['FR', 'EU', 'UK', 'B2C'];

/** Company and sender names, address, quiet period, law and reminder language. */
export function TeamSettingsSection(props: {
  settings: TeamSettings;
  t: UiTranslator;
  onSave: SaveTeamSettings;
  readOnly: boolean;
}) {
  const { t } = props;
  const [draft, setDraft] = useState(props.settings);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(props.settings), [props.settings]);

  const set = (patch: Partial<TeamSettings>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const text = (e: Event) => (e.currentTarget as HTMLInputElement).value;

  return (
    <section id="team-settings">
      <h2>{t('teamSettingsTitle')}</h2>
      {props.readOnly && <p class="help read-only">{t('readOnlySettings')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props
            .onSave({
              companyName: draft.companyName,
              senderName: draft.senderName,
              companyAddress: draft.companyAddress,
              quietPeriodDays: draft.quietPeriodDays,
              jurisdiction: draft.jurisdiction,
              language: draft.language,
            })
            .then(
              () => setSaved(true),
              () => {},
            );
        }}
      >
        <label class="field">
          {t('companyName')}
          <input
            disabled={props.readOnly}
            name="companyName"
            type="text"
            value={draft.companyName}
            onInput={(e) => set({ companyName: text(e) })}
          />
        </label>
        <label class="field">
          {t('senderName')}
          <input
            disabled={props.readOnly}
            name="senderName"
            type="text"
            value={draft.senderName}
            onInput={(e) => set({ senderName: text(e) })}
          />
        </label>
        <label class="field">
          {t('companyAddress')}
          <textarea
            disabled={props.readOnly}
            name="companyAddress"
            rows={3}
            value={draft.companyAddress}
            onInput={(e) => set({ companyAddress: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </label>
        <label class="field">
          {t('quietPeriod')}
          <input
            disabled={props.readOnly}
            name="quietPeriodDays"
            type="number"
            min={0}
            max={90}
            value={draft.quietPeriodDays}
            onInput={(e) => set({ quietPeriodDays: Number(text(e)) })}
          />
        </label>
        <label class="field">
          {t('jurisdiction')}
          <select
            disabled={props.readOnly}
            name="jurisdiction"
            value={draft.jurisdiction}
            onChange={(e) =>
              set({ jurisdiction: (e.currentTarget as HTMLSelectElement).value as Jurisdiction })
            }
          >
            {JURISDICTIONS.map((j) => (
              <option value={j}>{t(`jurisdiction.${j}` as UiKey)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('reminderLanguage')}
          <select
            disabled={props.readOnly}
            name="reminderLanguage"
            value={draft.language}
            onChange={(e) => set({ language: (e.currentTarget as HTMLSelectElement).value as Language })}
          >
            <option value="fr">{t('language.fr')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>
        <button type="submit" disabled={props.readOnly}>
          {t('save')}
        </button>{' '}
        {saved && <span class="saved">{t('saved')}</span>}
      </form>
    </section>
  );
}
