import { addDays, uuid } from '@relance/shared';
import type { Context } from 'hono';
import type { Database } from '../../db/open';
import { queryHistory } from '../../services/history';
import { exportHistoryCsv } from '../../services/history-csv';
import { overdueCsv } from '../csv/overdueCsv';
import { clientSummaries } from '../figures/clients';
import { evaluateInvoices } from '../figures/evaluate';
import { overdueInvoices } from '../figures/overdue';
import { buildOverview } from '../figures/overview';
import { personActivity } from '../figures/personActivity';
import { teamTimeZone } from '../figures/timeZone';
import type { DashboardEnv } from '../http/pageContext';
import { historyParams, overdueParams, pageParam, periodParams } from '../http/params';
import { htmlPage } from '../http/render';
import { CLIENT_TIMELINE_PAGE_SIZE, ClientPage } from '../pages/ClientPage';
import { ClientsPage } from '../pages/ClientsPage';
import { HISTORY_PAGE_SIZE, HistoryPage } from '../pages/HistoryPage';
import { ForbiddenPage, NotFoundPage } from '../pages/MessagePages';
import { OverduePage } from '../pages/OverduePage';
import { OverviewPage } from '../pages/OverviewPage';
import { PeoplePage } from '../pages/PeoplePage';
import { loadDirectory } from '../queries/directory';
import { loadMerges } from '../queries/merges';
import { loadTeamSnapshot } from '../queries/snapshot';
import { correctionFormsFor } from './corrections';

/** The dashboard's pages; each runs after the session check, so `c.var.identity` is a lead or owner. */
type C = Context<DashboardEnv>;

const teamOf = (c: C) => c.var.identity.team.id;

export async function overviewPage(c: C, db: Database) {
  const snapshot = await loadTeamSnapshot(db, teamOf(c), c.var.page.today);
  return htmlPage(c, <OverviewPage ctx={c.var.page} overview={buildOverview(snapshot)} />);
}

async function overdueList(c: C, db: Database) {
  const filters = overdueParams.parse(c.req.query());
  const snapshot = await loadTeamSnapshot(db, teamOf(c), c.var.page.today);
  const all = overdueInvoices(evaluateInvoices(snapshot));
  const invoices = filters.bucket || filters.clientId ? overdueInvoices(all, filters) : all;
  return { filters, all, invoices };
}

export async function overduePage(c: C, db: Database) {
  const { filters, all, invoices } = await overdueList(c, db);
  // The client filter offers the clients that have overdue invoices.
  const clients = new Map<string, string>();
  for (const f of all) if (f.invoice.clientId) clients.set(f.invoice.clientId, f.clientName);
  const options = [...clients]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return htmlPage(
    c,
    <OverduePage ctx={c.var.page} invoices={invoices} filters={filters} clients={options} />,
  );
}

export async function overdueCsvFile(c: C, db: Database) {
  const { invoices } = await overdueList(c, db);
  const { lang, today, t } = c.var.page;
  return csvFile(c, overdueCsv(invoices, lang), `${t('navOverdue')}-${today}`);
}

export async function historyPage(c: C, db: Database) {
  const { page = 1, ...filters } = historyParams.parse(c.req.query());
  const teamId = teamOf(c);
  const [directory, { items, total }, timeZone] = await Promise.all([
    loadDirectory(db, teamId),
    queryHistory(db, teamId, filters, { limit: HISTORY_PAGE_SIZE, offset: (page - 1) * HISTORY_PAGE_SIZE }),
    teamTimeZone(db, teamId),
  ]);
  return htmlPage(
    c,
    <HistoryPage
      ctx={c.var.page}
      filters={{ ...filters, page }}
      entries={items}
      total={total}
      directory={directory}
      timeZone={timeZone}
      currencyOf={(e) => directory.invoiceCurrency.get(e.invoiceIds[0] ?? '') ?? directory.mainCurrency}
    />,
  );
}

export async function historyCsv(c: C, db: Database) {
  const { page: _page, ...filters } = historyParams.parse(c.req.query());
  const { lang, today, t } = c.var.page;
  const timeZone = await teamTimeZone(db, teamOf(c));
  return csvFile(
    c,
    await exportHistoryCsv(db, teamOf(c), filters, lang, timeZone),
    `${t('navHistory')}-${today}`,
  );
}

export async function clientsPage(c: C, db: Database) {
  const snapshot = await loadTeamSnapshot(db, teamOf(c), c.var.page.today);
  return htmlPage(
    c,
    <ClientsPage ctx={c.var.page} clients={clientSummaries(snapshot, evaluateInvoices(snapshot))} />,
  );
}

export async function clientPage(c: C, db: Database) {
  const id = uuid.safeParse(c.req.param('id'));
  if (!id.success) return htmlPage(c, <NotFoundPage ctx={c.var.page} />, 404);
  const clientId = id.data;
  const { page = 1 } = pageParam.parse(c.req.query());
  const teamId = teamOf(c);
  const [snapshot, history] = await Promise.all([
    loadTeamSnapshot(db, teamId, c.var.page.today),
    queryHistory(
      db,
      teamId,
      { clientId },
      {
        limit: CLIENT_TIMELINE_PAGE_SIZE,
        offset: (page - 1) * CLIENT_TIMELINE_PAGE_SIZE,
      },
    ),
  ]);
  const client = snapshot.clients.get(clientId);
  const mergedInto = client ? undefined : (await loadMerges(db, teamId)).get(clientId);
  if (mergedInto) return c.redirect(c.var.page.href(`/clients/${mergedInto}`), 301);
  // Only this client's invoices go through the policy engine, not the whole team's.
  const ofClient = snapshot.invoices.filter((invoice) => invoice.clientId === clientId);
  const invoices = evaluateInvoices({ ...snapshot, invoices: ofClient }).sort(
    (a, b) =>
      Number(b.open) - Number(a.open) ||
      b.state.daysOverdue - a.state.daysOverdue ||
      a.invoice.number.localeCompare(b.invoice.number),
  );
  const known = client || invoices.length > 0 || history.total > 0;
  if (!known) return htmlPage(c, <NotFoundPage ctx={c.var.page} />, 404);
  const currencyByInvoice = new Map(snapshot.invoices.map((i) => [i.id, i.currency]));
  const fallbackCurrency = invoices[0]?.invoice.currency ?? snapshot.invoices[0]?.currency ?? 'EUR';
  return htmlPage(
    c,
    <ClientPage
      ctx={c.var.page}
      clientId={clientId}
      name={client?.name ?? invoices[0]?.clientName ?? history.items[0]?.clientName ?? clientId}
      emails={client?.emails ?? []}
      address={client?.address}
      invoices={invoices}
      entries={history.items}
      total={history.total}
      page={page}
      timeZone={snapshot.settings.timeZone}
      currencyOf={(e) => currencyByInvoice.get(e.invoiceIds[0] ?? '') ?? fallbackCurrency}
      corrections={client ? correctionFormsFor(c, snapshot, clientId, client.name) : null}
    />,
  );
}

/** The last 30 days unless the form says otherwise; a period given backwards is put right. */
export const DEFAULT_PERIOD_DAYS = 30;

export async function peoplePage(c: C, db: Database) {
  const { today } = c.var.page;
  const asked = periodParams.parse(c.req.query());
  let from = asked.from ?? addDays(asked.to ?? today, -(DEFAULT_PERIOD_DAYS - 1));
  let to = asked.to ?? (asked.from && asked.from > today ? asked.from : today);
  const swapped = from > to;
  if (swapped) [from, to] = [to, from];
  const rows = await personActivity(db, teamOf(c), { from, to });
  return htmlPage(c, <PeoplePage ctx={c.var.page} period={{ from, to }} swapped={swapped} rows={rows} />);
}

/** A download: the file name in the reader's language, ASCII-only for old browsers plus the UTF-8 form. */
function csvFile(c: C, csv: string, baseName: string) {
  const name = `relance-${baseName}.csv`.toLowerCase().replace(/\s+/g, '-');
  const ascii = name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  });
}

export function forbiddenPage(c: C) {
  return htmlPage(c, <ForbiddenPage ctx={c.var.page} />, 403);
}

export function notFoundPage(c: C) {
  return htmlPage(c, <NotFoundPage ctx={c.var.page} />, 404);
}
