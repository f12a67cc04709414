import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SyncEngine } from '../sync/engine';
import { ensureSyncAlarm, SYNC_ALARM, syncSoon } from './scheduler';

describe('sync scheduling', () => {
  it('creates the periodic alarm once, however often the worker starts', async () => {
    await ensureSyncAlarm(fakeBrowser as never);
    await ensureSyncAlarm(fakeBrowser as never);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ name: SYNC_ALARM, periodInMinutes: 1 });
  });

  it('gathers a burst of writes into one run', async () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn(async () => ({ status: 'local-only' as const }));
      const request = syncSoon({ run } as unknown as SyncEngine, 1_000);
      request();
      request();
      vi.advanceTimersByTime(500);
      request();
      expect(run).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1_000);
      expect(run).toHaveBeenCalledTimes(1);
      expect(run).toHaveBeenCalledWith('write');
    } finally {
      vi.useRealTimers();
    }
  });
});
