import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './app-env';
import { limitBody } from './middleware/body-limit';
import { extensionCors } from './middleware/cors';
import { handleError, notFound } from './middleware/errors';
import { rateLimit } from './middleware/rate-limit';
import { refuseUnstorableQuery } from './middleware/storable-text';
import { correctionRoutes } from './routes/corrections';
import { dashboardRoutes } from './routes/dashboard';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { inviteRoutes } from './routes/invites';
import { noteRoutes } from './routes/notes';
import { openApiRoutes } from './routes/openapi';
import { peopleRoutes } from './routes/people';
import { privacyRoutes } from './routes/privacy';
import { rateRoutes } from './routes/rates';
import { syncRoutes } from './routes/sync';
import { teamRoutes } from './routes/teams';

export type { AppDeps } from './app-env';

/** The whole HTTP API, without listening: `main.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(notFound);
  app.use('*', extensionCors());
  app.use('*', limitBody(deps.maxBodyBytes));
  app.use('*', refuseUnstorableQuery());
  if (deps.rateLimit) {
    const limiter = rateLimit(deps.db, deps.rateLimit, deps.now);
    app.use('/api/*', limiter);
    app.use('/dashboard/*', limiter);
  }

  app.route('/', healthRoutes(deps));
  app.route('/', privacyRoutes());
  const v1 = new Hono<AppEnv>()
    .route('/', teamRoutes(deps))
    .route('/', inviteRoutes(deps))
    .route('/', peopleRoutes(deps))
    .route('/', syncRoutes(deps))
    .route('/', noteRoutes(deps))
    .route('/', historyRoutes(deps))
    .route('/', rateRoutes(deps))
    .route('/', correctionRoutes(deps))
    .route('/', openApiRoutes());
  app.route('/api/v1', v1);
  app.route('/dashboard', dashboardRoutes(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
