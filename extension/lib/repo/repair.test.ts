import { describe, expect, it } from 'vitest';
import { RelanceDb } from '../db';
import { recordObservations } from './invoices';
import { repairReadings } from './repair';
import { uuidv5 } from './stableIds';
import 'fake-indexeddb/auto';

const now = () => new Date('2026-05-10T10:00:00Z');
const seen = (number: string, clientName: string) => ({
  number,
  clientName,
  amountDueCents: 12000,
  currency: 'EUR',
  dueDate: '2026-04-01' as const,
  host: 'erp.example',
  url: 'https://erp.example/f',
});

describe('repairReadings', () => {
  it('merges records stored with polluted numbers and names into clean ones, keeping them as tombstones', async () => {
    const db = new RelanceDb(`repair-${Math.random()}`);
    const ctx = { db, now };
    await recordObservations(ctx, [
      seen('FA2610-0008 Aperçu pdfTéléchargement pdf', 'BBoulangerie Martin'),
      seen('FA2611-0041', 'Boulangerie Martin'),
      seen('FA2611-0042', 'Garage Dupont 12 rue des Lilas compta@garage-dupont.fr'),
      seen('FA2611-0043', 'Garage Dupont'),
    ]);
    // Stored by the old reading: its id came from the whole polluted text.
    const first = (await db.invoices.toArray()).find((i) => i.number.startsWith('FA2610'));
    const oldId = await uuidv5('invoice\nerp.example\nFA2609-0004 Aperçu pdf');
    await db.invoices.put({ ...first!, id: oldId, number: 'FA2609-0004 Aperçu pdf' });
    expect(await repairReadings(ctx)).toEqual({ invoices: 2, clients: 2 });
    const live = (await db.invoices.toArray()).filter((i) => !i.deleted);
    expect(live.map((i) => [i.number, i.clientName]).sort()).toEqual([
      ['FA2609-0004', 'Boulangerie Martin'],
      ['FA2610-0008', 'Boulangerie Martin'],
      ['FA2611-0041', 'Boulangerie Martin'],
      ['FA2611-0042', 'Garage Dupont'],
      ['FA2611-0043', 'Garage Dupont'],
    ]);
    expect(
      (await db.clients.toArray())
        .filter((c) => !c.deleted)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Boulangerie Martin', 'Garage Dupont']);
    // Nothing lost: the polluted records stay as tombstones, and the merges travel to the team.
    expect((await db.invoices.toArray()).filter((i) => i.deleted)).toHaveLength(1);
    expect(await db.merges.count()).toBe(3);
    expect((await db.merges.get(oldId))?.kind).toBe('invoice');
    const queued = (await db.outbox.toArray()).map((r) => r.change);
    expect(queued.filter((c) => c.kind === 'document' && c.docType === 'merge')).toHaveLength(3);
    // Once only; and a page read the old way again lands on the clean records.
    expect(await repairReadings(ctx)).toEqual({ invoices: 0, clients: 0 });
    const [again] = await recordObservations(ctx, [seen('FA2611-0099', 'BBoulangerie Martin')]);
    expect(again!.client.name).toBe('Boulangerie Martin');
  });
});
