import { compareHlc } from '@relance/shared';
import { describe, expect, it } from 'vitest';
import { freshDb, repoContext, testClock } from '../../test/helpers';
import { RelanceDb } from '../db';
import { logActivity } from './activities';
import { nextHlc } from './clock';
import { recordObservations } from './invoices';
import { addNote, updateNote } from './notes';
import { getTeamSettings, saveTeamSettings } from './teamSettings';

const observation = {
  number: 'F-2026-001',
  clientName: 'ACME SARL',
  amountDueCents: 123_456,
  currency: 'EUR',
  dueDate: '2026-02-01',
  host: 'factures.example.com',
  url: 'https://factures.example.com/invoices/1',
};

describe('local writes and the outbox', () => {
  it('stores an activity and its queued change together', async () => {
    const db = freshDb();
    const ctx = repoContext(db);
    const [recorded] = await recordObservations(ctx, [observation]);
    const client = recorded!.client;
    const before = await db.outbox.count();
    const activity = await logActivity(ctx, {
      type: 'call',
      clientId: client.id,
      invoiceIds: [],
      outcome: 'voicemail',
    });
    expect(await db.activities.get(activity.id)).toMatchObject({ type: 'call', outcome: 'voicemail' });
    const queued = await db.outbox.where('key').equals(`activity:${activity.id}`).toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.change).toMatchObject({
      kind: 'activity',
      activity: { id: activity.id, type: 'call' },
    });
    expect(await db.outbox.count()).toBe(before + 1);
  });

  it('stores neither the record nor its change when queuing fails', async () => {
    const db = freshDb();
    const ctx = repoContext(db);
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(
      logActivity(ctx, { type: 'comment', clientId: crypto.randomUUID(), invoiceIds: [], text: 'hello' }),
    ).rejects.toThrow('disk full');
    await expect(addNote(ctx, { clientId: crypto.randomUUID(), text: 'note' })).rejects.toThrow('disk full');
    await expect(recordObservations(ctx, [observation])).rejects.toThrow('disk full');
    expect(await db.activities.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
    expect(await db.invoices.count()).toBe(0);
    expect(await db.clients.count()).toBe(0);
  });

  it('logging the same activity id twice stores and queues it once', async () => {
    const db = freshDb();
    const ctx = repoContext(db);
    const input = {
      id: '01950000-0000-7000-8000-000000000001',
      type: 'comment' as const,
      clientId: crypto.randomUUID(),
      invoiceIds: [],
      text: 'x',
    };
    await logActivity(ctx, input);
    await logActivity(ctx, input);
    expect(await db.activities.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps only the latest queued write of a document, with a newer clock', async () => {
    const db = freshDb();
    const clock = testClock();
    const ctx = repoContext(db, clock);
    const note = await addNote(ctx, { clientId: crypto.randomUUID(), text: 'first' });
    const firstHlc = note.hlc;
    const edited = await updateNote(ctx, note.id, 'second');
    expect(compareHlc(edited.hlc, firstHlc)).toBeGreaterThan(0);
    const queued = await db.outbox.toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.change).toMatchObject({
      kind: 'document',
      docType: 'note',
      hlc: edited.hlc,
      data: { text: 'second' },
    });
    // Sync metadata never leaks into the document's data.
    expect(Object.keys((queued[0]!.change as { data: object }).data).sort()).toEqual([
      'clientId',
      'id',
      'text',
    ]);
  });

  it('records observations once: the same page seen again writes nothing', async () => {
    const db = freshDb();
    const ctx = repoContext(db);
    const [first] = await recordObservations(ctx, [observation]);
    expect(await db.outbox.count()).toBe(2); // the client and the invoice
    await recordObservations(ctx, [{ ...observation, url: 'https://factures.example.com/list' }]);
    expect(await db.outbox.count()).toBe(2);
    const [again] = await recordObservations(ctx, [{ ...observation, amountDueCents: 100_000 }]);
    expect(again!.invoice.id).toBe(first!.invoice.id);
    expect(again!.invoice.amountDueCents).toBe(100_000);
    const invoiceChanges = (await db.outbox.toArray()).filter((r) => r.key.startsWith('invoice:'));
    expect(invoiceChanges).toHaveLength(1);
  });

  it('gives the same invoice and client the same ids on two installs', async () => {
    const a = await recordObservations(repoContext(freshDb()), [observation]);
    const b = await recordObservations(repoContext(freshDb()), [
      { ...observation, clientName: 'Acme  S.A.R.L.' },
    ]);
    expect(b[0]!.invoice.id).toBe(a[0]!.invoice.id);
    expect(b[0]!.client.id).toBe(a[0]!.client.id);
  });

  it('adds client e-mails seen on a page, lower-cased and indexed', async () => {
    const db = freshDb();
    const ctx = repoContext(db);
    await recordObservations(ctx, [{ ...observation, clientEmails: ['Compta@Acme.fr', 'not an email'] }]);
    const found = await db.clients.where('emails').equals('compta@acme.fr').toArray();
    expect(found.map((c) => c.name)).toEqual(['ACME SARL']);
  });

  it('rejects an observation that is not an invoice, writing nothing', async () => {
    const db = freshDb();
    await expect(
      recordObservations(repoContext(db), [{ ...observation, dueDate: '2026-02-30' }]),
    ).rejects.toThrow(/dueDate/);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues team settings and reads them back', async () => {
    const db = freshDb();
    const ctx = repoContext(db);
    const defaults = await getTeamSettings(db);
    expect(defaults.schedule[0]!.stage).toBe('courtesy');
    await saveTeamSettings(ctx, { ...defaults, quietPeriodDays: 9 });
    expect((await getTeamSettings(db)).quietPeriodDays).toBe(9);
    expect((await db.outbox.toArray())[0]!.change).toMatchObject({
      docType: 'settings',
      data: { quietPeriodDays: 9 },
    });
    await expect(saveTeamSettings(ctx, { ...defaults, quietPeriodDays: -1 })).rejects.toMatchObject({
      code: 'invalid-settings',
    });
  });
});

describe('the install clock', () => {
  it('keeps its node id and never goes back, across a restart with the wall clock behind', async () => {
    const name = `clock-${crypto.randomUUID()}`;
    const clock = testClock();
    const db = new RelanceDb(name);
    const a = await db.transaction('rw', db.syncState, async () => await nextHlc(db, clock.now));
    db.close();
    clock.advance(-60_000); // the machine's clock was set back
    const reopened = new RelanceDb(name);
    const b = await reopened.transaction(
      'rw',
      reopened.syncState,
      async () => await nextHlc(reopened, clock.now),
    );
    expect(compareHlc(b, a)).toBeGreaterThan(0);
    expect(b.split(':')[2]).toBe(a.split(':')[2]);
  });
});
