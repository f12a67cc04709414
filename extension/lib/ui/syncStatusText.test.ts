import { describe, expect, it } from 'vitest';
import { uiTranslator } from '../i18n/words';
import type { SyncStatusView } from '../messages';
import { syncStatusLines } from './syncStatusText';

const fr = uiTranslator('fr');
const en = uiTranslator('en');
const now = Date.parse('2026-03-12T10:00:00Z');
const team: SyncStatusView = {
  mode: 'team',
  serverUrl: 'http://localhost:8787',
  team: { id: 't1', name: 'Atelier' },
  person: { id: 'p1', name: 'Claire', role: 'owner' },
  pending: 0,
  running: false,
  setAside: [],
};
const texts = (status: SyncStatusView, place?: 'popup' | 'options', t = fr) =>
  syncStatusLines(status, t, now, place).map((l) => l.text);

describe('sync status lines', () => {
  it('right after creating a team: not synced yet, and not also "everything is sent"', () => {
    const lines = texts(team);
    expect(lines).toContain('Pas encore synchronisé avec le serveur.');
    expect(lines).not.toContain('Tout est envoyé.');
  });

  it('while the first sync runs, says only that it runs', () => {
    const lines = texts({ ...team, running: true });
    expect(lines).toContain('Synchronisation en cours…');
    expect(lines).not.toContain('Pas encore synchronisé avec le serveur.');
  });

  it('once synced with nothing waiting: everything is sent', () => {
    const lines = texts({ ...team, lastSyncAt: '2026-03-12T09:58:00Z' });
    expect(lines.some((l) => l.startsWith('Dernière synchronisation'))).toBe(true);
    expect(lines).toContain('Tout est envoyé.');
  });

  it('local mode points to the options from the popup, below from the options page', () => {
    const local: SyncStatusView = { mode: 'local-only', pending: 0, running: false, setAside: [] };
    expect(texts(local, 'popup').join(' ')).toContain('dans les options');
    expect(texts(local, 'options').join(' ')).toContain('ci-dessous');
    expect(texts(local, 'options').join(' ')).not.toContain('dans les options');
    expect(texts(local, 'options', en).join(' ')).toContain('below');
  });
});
