import { createTranslator, isValidIban, type Language, type TeamSettings } from '@relance/shared';
import { useEffect, useState } from 'preact/hooks';
import type { SaveTeamSettings } from './Options';

/** The company's legal and payment details (team settings): shown in every reminder, letters' QR code. */
const WORDS = {
  fr: {
    title: 'Entreprise et paiement',
    help: 'Ces informations figurent dans chaque relance (signature, en-tête et pied des lettres) ; l’IBAN donne le QR code de virement des lettres.',
    companyLegalName: 'Raison sociale',
    companyCity: 'Ville (date des lettres : « Lyon, le 1er décembre 2026 »)',
    companyRegistration: 'SIREN ou SIRET',
    vatNumber: 'N° de TVA intracommunautaire',
    companyLegalMentions: 'Mentions légales (forme, capital, RCS)',
    iban: 'IBAN',
    bic: 'BIC',
    paymentLink: 'Lien de paiement en ligne (https://…)',
    badIban: 'Cet IBAN ne se vérifie pas : vérifiez les chiffres.',
    save: 'Enregistrer',
    saved: 'Enregistré.',
    readOnly: 'Seuls les responsables de l’équipe modifient ces informations.',
  },
  en: {
    title: 'Company and payment',
    help: "These details appear in every reminder (signature, letterhead and footer of letters); the IBAN gives the letters' transfer QR code.",
    companyLegalName: 'Legal name',
    companyCity: 'Town (letters are dated from it)',
    companyRegistration: 'Company registration number (SIREN/SIRET)',
    vatNumber: 'VAT number',
    companyLegalMentions: 'Legal mentions (legal form, capital, registry)',
    iban: 'IBAN',
    bic: 'BIC',
    paymentLink: 'Online payment link (https://…)',
    badIban: 'This IBAN does not check out: check the digits.',
    save: 'Save',
    saved: 'Saved.',
    readOnly: 'Only the team leads change these details.',
  },
};

type Field =
  | 'companyLegalName'
  | 'companyCity'
  | 'companyRegistration'
  | 'vatNumber'
  | 'companyLegalMentions'
  | 'iban'
  | 'bic'
  | 'paymentLink';
const FIELDS: Field[] = [
  'companyLegalName',
  'companyCity',
  'companyRegistration',
  'vatNumber',
  'companyLegalMentions',
  'iban',
  'bic',
  'paymentLink',
];

export function CompanySection(props: {
  settings: TeamSettings;
  lang: Language;
  onSave: SaveTeamSettings;
  readOnly: boolean;
}) {
  const t = createTranslator(WORDS, props.lang);
  const pick = (s: TeamSettings) => Object.fromEntries(FIELDS.map((f) => [f, s[f]])) as Record<Field, string>;
  const [draft, setDraft] = useState(pick(props.settings));
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(pick(props.settings)), [props.settings]);
  const badIban = draft.iban.trim() !== '' && !isValidIban(draft.iban);

  return (
    <section id="company">
      <h2>{t('title')}</h2>
      <p class="help">{t('help')}</p>
      {props.readOnly && <p class="help read-only">{t('readOnly')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (badIban) return;
          props.onSave(draft).then(
            () => setSaved(true),
            () => {},
          );
        }}
      >
        {FIELDS.map((field) => (
          <label class="field" key={field}>
            {t(field)}
            <input
              name={field}
              type="text"
              inputMode={field === 'paymentLink' ? 'url' : 'text'}
              value={draft[field]}
              disabled={props.readOnly}
              onInput={(e) => {
                setSaved(false);
                setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value });
              }}
            />
          </label>
        ))}
        {badIban && (
          <p class="error" role="alert">
            {t('badIban')}
          </p>
        )}
        <button type="submit" disabled={props.readOnly || badIban}>
          {t('save')}
        </button>{' '}
        {saved && <span class="saved">{t('saved')}</span>}
      </form>
    </section>
  );
}
