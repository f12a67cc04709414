import '@/lib/zodConfig';
import { browser } from 'wxt/browser';
import { createHandlers } from '@/lib/background/handlers';
import { createRouter, listenForMessages } from '@/lib/background/router';
import { ensureSyncAlarm, SYNC_ALARM, syncSoon } from '@/lib/background/scheduler';
import { browserSiteApis, registerMissing } from '@/lib/background/sites';
import { refreshOverlayTabs } from '@/lib/background/tabs';
import { getDb } from '@/lib/db';
import { repairReadings } from '@/lib/repo/repair';
import { signInWithToken } from '@/lib/sync/account';
import { SyncEngine } from '@/lib/sync/engine';

/**
 * The service worker: owns the database, answers the pages' and content scripts' messages, and
 * syncs with the server. Listeners are added synchronously so that an event can wake the worker.
 * Nothing here keeps state the worker cannot lose: the database holds it all.
 */
export default defineBackground(() => {
  const db = getDb();
  // A teammate's reminder or note shows on the open badges as soon as it is pulled.
  const engine = new SyncEngine({
    db,
    onPulledChanges: async () => {
      await refreshOverlayTabs(browser.tabs);
    },
  });
  const sites = browserSiteApis(browser);
  const extensionOrigin = browser.runtime.getURL('/');
  const route = createRouter(
    createHandlers({
      db,
      engine,
      fetch: (input, init) => fetch(input, init),
      now: () => new Date(),
      sites,
      requestSync: syncSoon(engine),
    }),
    extensionOrigin,
  );
  listenForMessages(browser, route);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void engine.run('alarm');
  });
  void ensureSyncAlarm(browser);
  void registerMissing(db, sites).catch((error) => console.warn('[relance] site registration', error));
  // Records stored by the old page reading (issue 11), merged once into clean ones.
  void repairReadings({ db, now: () => new Date() }).catch((error) =>
    console.warn('[relance] repair', error),
  );
  void engine.run('startup');

  // For e2e tests and debugging from the worker's console (only extension code can reach this
  // global): the same router, answering as an extension page would be answered, and signing in
  // with a token made elsewhere (the server's CLI or a test server).
  Object.assign(globalThis, {
    relanceBackground: {
      request: (message: unknown) => route(message, { url: extensionOrigin }),
      signInWithToken: async (serverUrl: string, token: string) => {
        await signInWithToken({ db, fetch }, { serverUrl, token });
        return engine.run('manual');
      },
    },
  });
});
