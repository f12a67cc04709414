import { correctionRequest, uuid } from '@relance/shared';
import type { Context } from 'hono';
import type { Database } from '../../db/open';
import { applyCorrection } from '../../services/corrections';
import { ServiceError } from '../../services/errors';
import { CorrectionForms } from '../components/CorrectionForms';
import { Layout } from '../components/Layout';
import type { PageContext } from '../http/context';
import type { DashboardEnv } from '../http/pageContext';
import { htmlPage } from '../http/render';
import { type CorrectionWord, correctionWords } from '../i18n/corrections';
import type { TeamSnapshot } from '../queries/snapshot';

type C = Context<DashboardEnv>;

/** The correction forms of one client's page, from the snapshot the page already read. */
export function correctionFormsFor(c: C, snapshot: TeamSnapshot, clientId: string, name: string) {
  const invoices = snapshot.invoices
    .filter((i) => i.clientId === clientId)
    .map((i) => ({ id: i.id, number: i.number }))
    .sort((a, b) => a.number.localeCompare(b.number));
  const otherClients = [...snapshot.clients.values()]
    .filter((client) => client.id !== clientId)
    .map((client) => ({ id: client.id, name: client.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const corrected = c.req.query('corrected');
  return (
    <CorrectionForms
      ctx={c.var.page}
      clientId={clientId}
      name={name}
      invoices={invoices}
      otherClients={otherClients}
      done={corrected === 'merge' || corrected === 'delete' ? corrected : undefined}
    />
  );
}

/**
 * The forms' post: a ticked confirmation, a valid request (the same zod schema as the API), then
 * the correction; back to the client kept (or the clients list after a deletion). A bad form shows
 * what is wrong with a 400; never a 500.
 */
export async function postCorrection(c: C, db: Database, now: Date) {
  const form = await c.req.parseBody();
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string).trim() : '');
  const back = uuid.safeParse(text('back')).success ? text('back') : undefined;
  const fail = (word: CorrectionWord, status: 400 | 403 | 404 | 409) =>
    htmlPage(c, <CorrectionFailed ctx={c.var.page} word={word} back={back} />, status);

  if (text('confirm') !== 'yes') return fail('confirmMissing', 400);
  const fields = Object.fromEntries(
    ['action', 'kind', 'id', 'into'].filter((k) => text(k) !== '').map((k) => [k, text(k)]),
  );
  const parsed = correctionRequest.safeParse(fields);
  if (!parsed.success) return fail('invalidCorrection', 400);
  const request = parsed.data;
  try {
    await applyCorrection(db, c.var.identity, request, now);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.status === 404) return fail('unknownRecord', 404);
    if (error.status === 409) return fail('recordChanged', 409);
    if (error.status === 403) return fail('invalidCorrection', 403);
    return fail('invalidCorrection', 400);
  }
  const { href } = c.var.page;
  if (request.action === 'merge' && request.kind === 'client') {
    return c.redirect(href(`/clients/${request.into}`, { corrected: 'merge' }), 303);
  }
  if (request.kind === 'client') return c.redirect(href('/clients'), 303);
  return c.redirect(back ? href(`/clients/${back}`, { corrected: request.action }) : href('/clients'), 303);
}

function CorrectionFailed({ ctx, word, back }: { ctx: PageContext; word: CorrectionWord; back?: string }) {
  const w = correctionWords(ctx.lang);
  return (
    <Layout ctx={ctx} title={w('correctionFailedTitle')} nav="clients">
      <p role="alert" data-error={word}>
        {w(word)}
      </p>
      {back ? (
        <p>
          <a href={ctx.href(`/clients/${back}`)}>{w('backToClient')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
