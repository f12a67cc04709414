import { createTranslator, type Language } from '@relance/shared';
import { useEffect, useState } from 'preact/hooks';
import type { PersonProfile, Send } from '@/lib/messages';
import type { ShowError } from './Options';

/** This person's own details: they sign the reminders this person sends (kept on this install). */
const WORDS = {
  fr: {
    title: 'Mon profil',
    help: 'Vos relances sont signées de votre nom, avec votre fonction et votre téléphone.',
    name: 'Nom',
    role: 'Fonction',
    phone: 'Téléphone',
    email: 'E-mail',
    save: 'Enregistrer',
    saved: 'Enregistré.',
  },
  en: {
    title: 'My profile',
    help: 'Your reminders are signed with your name, role and phone number.',
    name: 'Name',
    role: 'Role',
    phone: 'Phone',
    email: 'Email',
    save: 'Save',
    saved: 'Saved.',
  },
};
const FIELDS = ['name', 'role', 'phone', 'email'] as const;

export function ProfileSection(props: {
  send: Send;
  lang: Language;
  showError: ShowError;
  /** The profile as loaded and as saved (the template preview is signed with it). */
  onProfile?: (profile: PersonProfile) => void;
}) {
  const t = createTranslator(WORDS, props.lang);
  const [profile, setProfile] = useState<PersonProfile>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    props.send({ type: 'getProfile' }).then((answer) => {
      setProfile(answer.profile);
      props.onProfile?.(answer.profile);
    }, props.showError);
  }, [props.send]);
  if (!profile) return null;

  return (
    <section id="profile">
      <h2>{t('title')}</h2>
      <p class="help">{t('help')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.send({ type: 'saveProfile', profile }).then((answer) => {
            setProfile(answer.profile);
            props.onProfile?.(answer.profile);
            setSaved(true);
          }, props.showError);
        }}
      >
        {FIELDS.map((field) => (
          <label class="field" key={field}>
            {t(field)}
            <input
              name={`profile-${field}`}
              type="text"
              inputMode={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
              value={profile[field]}
              onInput={(e) => {
                setSaved(false);
                setProfile({ ...profile, [field]: (e.currentTarget as HTMLInputElement).value });
              }}
            />
          </label>
        ))}
        <button type="submit">{t('save')}</button> {saved && <span class="saved">{t('saved')}</span>}
      </form>
    </section>
  );
}
