import { historyCsvQuery, historyQuery } from '@relance/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireAuth } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { queryHistory } from '../services/history';
import { exportHistoryCsv } from '../services/history-csv';

/** The dashboard's history: JSON pages, or the whole filtered list as CSV. */
export function historyRoutes({ db, now }: AppDeps) {
  const auth = requireAuth(db);
  return new Hono<AppEnv>()
    .get('/history', auth, validate('query', historyQuery), async (c) => {
      const { limit, offset, cursor, ...filters } = c.req.valid('query');
      const page = await queryHistory(db, c.var.identity.team.id, filters, { limit, offset, cursor });
      return c.json({ items: page.items, total: page.total, limit, offset, nextCursor: page.nextCursor });
    })
    .get('/history.csv', auth, validate('query', historyCsvQuery), async (c) => {
      const { lang, ...filters } = c.req.valid('query');
      const csv = await exportHistoryCsv(db, c.var.identity.team.id, filters, lang);
      const day = (now?.() ?? new Date()).toISOString().slice(0, 10);
      const name = `${lang === 'fr' ? 'relance-historique' : 'relance-history'}-${day}.csv`;
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      });
    });
}
