import { createTranslator, type Language } from '@relance/shared';
import type { WelcomeChoice } from '@/lib/messages';

/**
 * The first thing on the options page until the person has said how they work: alone on this
 * browser, or with a team (create or join). A banner, not a wall: everything below stays usable,
 * and the answer only leads to the right section. Not shown once signed in to a team.
 */
const WORDS = {
  fr: {
    title: 'Bienvenue dans Relance',
    intro:
      'Relance repère les factures en retard dans votre outil de facturation et prépare les relances. Comment allez-vous travailler ?',
    alone: 'Seul(e) sur ce navigateur',
    aloneHelp:
      'Vos données restent sur cet ordinateur. Ensuite : votre profil, votre entreprise, puis le site de votre outil de facturation.',
    team: 'Avec une équipe',
    teamHelp: "Créez l'équipe sur votre serveur Relance, ou rejoignez-la avec le code d'invitation reçu.",
    reopen: "Revoir l'accueil",
  },
  en: {
    title: 'Welcome to Relance',
    intro:
      'Relance spots overdue invoices in your invoicing tool and prepares the reminders. How will you work?',
    alone: 'Alone on this browser',
    aloneHelp:
      'Your data stays on this computer. Next: your profile, your company, then your invoicing tool’s site.',
    team: 'With a team',
    teamHelp: 'Create the team on your Relance server, or join it with the invitation code you received.',
    reopen: 'Show the welcome again',
  },
};

/** Where each answer leads: the section to bring into view. */
export const WELCOME_TARGET: Record<WelcomeChoice, string> = { alone: 'profile', team: 'account' };

export function Welcome(props: { lang: Language; onChoose: (choice: WelcomeChoice) => void }) {
  const t = createTranslator(WORDS, props.lang);
  return (
    <section id="welcome" class="welcome" data-testid="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <div class="welcome-choices">
        <div>
          <button type="button" data-welcome="alone" onClick={() => props.onChoose('alone')}>
            {t('alone')}
          </button>
          <p class="help">{t('aloneHelp')}</p>
        </div>
        <div>
          <button type="button" data-welcome="team" onClick={() => props.onChoose('team')}>
            {t('team')}
          </button>
          <p class="help">{t('teamHelp')}</p>
        </div>
      </div>
    </section>
  );
}

/** Once chosen, a small way back to the welcome. */
export function ReopenWelcome(props: { lang: Language; onReopen: () => void }) {
  const t = createTranslator(WORDS, props.lang);
  return (
    <button type="button" class="link reopen-welcome" data-testid="reopen-welcome" onClick={props.onReopen}>
      {t('reopen')}
    </button>
  );
}
