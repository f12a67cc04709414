import type { browser as wxtBrowser } from 'wxt/browser';
import type { SyncEngine } from '../sync/engine';

/** A periodic alarm wakes the service worker to sync, also after it was stopped or the browser restarted. */
export const SYNC_ALARM = 'relance-sync';
export const SYNC_PERIOD_MINUTES = 1;

export async function ensureSyncAlarm(browser: typeof wxtBrowser): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (!existing) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
}

/**
 * After a local write, sync shortly: writes often come in bursts (a page of invoices, a note being
 * typed), so they are gathered for a moment. If the worker stops first, the alarm does the run.
 */
export function syncSoon(engine: SyncEngine, delayMs = 1_500): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void engine.run('write'), delayMs);
  };
}
