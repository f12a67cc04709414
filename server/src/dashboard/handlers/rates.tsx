import type { Context } from 'hono';
import type { Database } from '../../db/open';
import { readForm } from '../../http/form';
import { rateChangeBody } from '../../rates/rateChange';
import { addTeamRate, teamRates } from '../../rates/teamRates';
import { ServiceError } from '../../services/errors';
import type { DashboardEnv } from '../http/pageContext';
import { htmlPage } from '../http/render';
import { RatesPage } from '../pages/RatesPage';

type C = Context<DashboardEnv>;

/** The form's problems in French (the API answers in English). */
const FRENCH: Record<string, string> = {
  'give both the date and the rate of a change': 'Indiquez la date et le taux du changement.',
  'give a rate change or a checked-until date': 'Indiquez un taux ou une date de vérification.',
  'a half-year starts on 1 January or 1 July': 'Un semestre commence le 1er janvier ou le 1er juillet.',
};

export async function ratesPage(c: C, db: Database) {
  const rates = await teamRates(db, c.var.identity.team.id);
  return htmlPage(c, <RatesPage ctx={c.var.page} rates={rates} saved={c.req.query('saved') === '1'} />);
}

/** The form's post: empty fields are left out; a bad entry shows the page again with what is wrong. */
export async function addRate(c: C, db: Database, now: Date) {
  const form = await readForm(c);
  const fields = Object.fromEntries(
    Object.entries(form).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  ) as Record<string, string>;
  const parsed = rateChangeBody.safeParse(fields);
  const rates = () => teamRates(db, c.var.identity.team.id);
  if (!parsed.success) {
    const french = c.var.page.lang === 'fr';
    const error = parsed.error.issues.map((i) => (french && FRENCH[i.message]) || i.message).join(' · ');
    return htmlPage(c, <RatesPage ctx={c.var.page} rates={await rates()} saved={false} error={error} />, 400);
  }
  try {
    await addTeamRate(db, c.var.identity, parsed.data, now);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return htmlPage(
      c,
      <RatesPage ctx={c.var.page} rates={await rates()} saved={false} error={error.message} />,
      error.status === 403 ? 403 : 400,
    );
  }
  return c.redirect(c.var.page.href('/rates', { saved: '1' }), 303);
}
