import { compareHlc } from '@relance/shared';
import { describe, expect, it } from 'vitest';
import { freshDb, repoContext, testClock } from '../../test/helpers';
import type { RelanceDb } from '../db';
import type { InvoiceObservation } from '../messages';
import { recordObservations } from './invoices';

/** Every write that reaches IndexedDB, by table (Dexie's lowest layer: nothing gets around it). */
function recordWrites(db: RelanceDb) {
  const writes: { table: string; type: string; count: number }[] = [];
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            const count = 'values' in req ? req.values.length : 'keys' in req ? req.keys.length : 0;
            writes.push({ table: name, type: req.type, count });
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return writes;
}

/** A page of 500 invoices for 50 clients; every tenth row shows the client's e-mail. */
function page(): InvoiceObservation[] {
  return Array.from({ length: 500 }, (_, i) => ({
    number: `F-2026-${String(i + 1).padStart(4, '0')}`,
    clientName: `Client ${i % 50}`,
    amountDueCents: 10_000 + i,
    currency: 'EUR',
    dueDate: `2026-02-${String((i % 28) + 1).padStart(2, '0')}`,
    ...(i % 10 === 0 ? { clientEmails: [`compta${i % 50}@example.fr`] } : {}),
    host: 'factures.example.com',
    url: `https://factures.example.com/f/${i + 1}`,
  }));
}

describe('recording a page of observations in one batch', () => {
  it('writes 500 invoices and their 50 clients with their queued changes, then nothing for the same page', async () => {
    const db = freshDb();
    const clock = testClock();
    const ctx = repoContext(db, clock);
    const writes = recordWrites(db);

    const recorded = await recordObservations(ctx, page());
    expect(recorded).toHaveLength(500);
    expect(await db.invoices.count()).toBe(500);
    expect(await db.clients.count()).toBe(50);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(550);
    // Clients first: the server hears of a client before its invoices.
    expect(outbox.slice(0, 50).every((r) => r.key.startsWith('client:'))).toBe(true);
    expect(outbox.slice(50).every((r) => r.key.startsWith('invoice:'))).toBe(true);
    expect(new Set(outbox.map((r) => r.key)).size).toBe(550);

    // Each record and its queued change carry the same clock; every clock is distinct and the
    // install's clock ends at the last one issued.
    const invoices = await db.invoices.toArray();
    const clients = await db.clients.toArray();
    const hlcByKey = new Map(outbox.map((r) => [r.key, (r.change as { hlc: string }).hlc]));
    for (const i of invoices) expect(hlcByKey.get(`invoice:${i.id}`)).toBe(i.hlc);
    for (const c of clients) expect(hlcByKey.get(`client:${c.id}`)).toBe(c.hlc);
    const hlcs = [...hlcByKey.values()];
    expect(new Set(hlcs).size).toBe(550);
    const latest = hlcs.reduce((a, b) => (compareHlc(a, b) >= 0 ? a : b));
    expect((await db.getState('clock'))?.last).toBe(latest);

    // What the page showed is what was stored, e-mails included (lower-cased, once).
    const third = invoices.find((i) => i.number === 'F-2026-0003')!;
    expect(third).toMatchObject({ clientName: 'Client 2', amountDueCents: 10_002, dueDate: '2026-02-03' });
    expect(clients.find((c) => c.name === 'Client 0')!.emails).toEqual(['compta0@example.fr']);
    expect(clients.find((c) => c.name === 'Client 5')!.emails).toEqual([]);
    expect(recorded[2]!.invoice.id).toBe(third.id);
    expect(recorded[2]!.client.id).toBe(third.clientId);

    // A handful of writes, not one per record: records, clock and outbox in bulk.
    expect(writes.length).toBeLessThanOrEqual(6);
    expect(writes.filter((w) => w.table === 'invoices')).toEqual([
      { table: 'invoices', type: 'put', count: 500 },
    ]);
    expect(writes.filter((w) => w.table === 'clients')).toEqual([
      { table: 'clients', type: 'put', count: 50 },
    ]);
    expect(writes.filter((w) => w.table === 'outbox' && w.type === 'add')).toEqual([
      { table: 'outbox', type: 'add', count: 550 },
    ]);
    expect(writes.filter((w) => w.table === 'syncState')).toHaveLength(1);

    // The same page again: nothing is written at all, not even the clock.
    writes.length = 0;
    clock.advance(60_000);
    const again = await recordObservations(ctx, page());
    expect(writes).toEqual([]);
    expect(again.map((r) => r.invoice.hlc)).toEqual(recorded.map((r) => r.invoice.hlc));
    expect(await db.outbox.count()).toBe(550);

    // One amount changed: one invoice and its queued change replace the older ones.
    const changed = page();
    changed[7] = { ...changed[7]!, amountDueCents: 1 };
    await recordObservations(ctx, changed);
    expect(writes.filter((w) => w.table === 'invoices')).toEqual([
      { table: 'invoices', type: 'put', count: 1 },
    ]);
    expect(writes.filter((w) => w.table === 'clients')).toEqual([]);
    const queued = await db.outbox.where('key').equals(`invoice:${recorded[7]!.invoice.id}`).toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.change).toMatchObject({ data: { amountDueCents: 1 } });
    expect(compareHlc((queued[0]!.change as { hlc: string }).hlc, latest)).toBeGreaterThan(0);
    expect(await db.outbox.count()).toBe(550);
  });

  it('merges what several rows of one batch say about the same client and invoice', async () => {
    const db = freshDb();
    const ctx = repoContext(db);
    const { clientEmails: _, ...first } = page()[0]!;
    const recorded = await recordObservations(ctx, [
      { ...first, clientEmails: ['a@example.fr'] },
      { ...first, number: 'F-X', clientEmails: ['b@example.fr'] },
      { ...first, amountDueCents: 5 },
    ]);
    expect(await db.clients.count()).toBe(1);
    expect((await db.clients.toArray())[0]!.emails).toEqual(['a@example.fr', 'b@example.fr']);
    expect(await db.invoices.count()).toBe(2);
    expect((await db.invoices.get(recorded[0]!.invoice.id))!.amountDueCents).toBe(5);
    // Every row answers with the record as the batch left it.
    expect(recorded[0]!.invoice).toEqual(recorded[2]!.invoice);
    expect(recorded[0]!.client.emails).toEqual(['a@example.fr', 'b@example.fr']);
    expect((await db.outbox.toArray()).map((r) => r.key.split(':')[0])).toEqual([
      'client',
      'invoice',
      'invoice',
    ]);
  });
});
