import { teamSettings } from '@relance/shared';
import { describe, expect, it } from 'vitest';
import { freshDb, repoContext, testClock } from '../../../test/helpers';
import { recordObservations } from '../../repo/invoices';
import { assignEmailToClient, searchClients } from './clientChoices';

const seen = (number: string, clientName: string, dueDate: string, status: 'unpaid' | 'paid' = 'unpaid') => ({
  number,
  clientName,
  amountDueCents: status === 'paid' ? 0 : 50_000,
  currency: 'EUR',
  dueDate,
  status,
  host: 'factures.example.com',
  url: `https://factures.example.com/f/${number}`,
});

const settings = teamSettings.parse({});

async function setUp() {
  const db = freshDb();
  const ctx = repoContext(db, testClock(Date.UTC(2026, 2, 12, 9)));
  await recordObservations(ctx, [
    seen('F-1', 'Pharmacie du Centre', '2026-01-20'),
    seen('F-2', 'Pharmacie du Centre', '2026-02-20'),
    seen('F-3', 'Garage Dupont', '2026-03-01'),
    seen('F-4', 'Café des Arts', '2026-04-01'),
    seen('F-5', 'Boulangerie Martin', '2026-01-01', 'paid'),
  ]);
  return { db, ctx };
}

describe('searchClients', () => {
  it('finds clients by name, case and accents aside, most invoices past due first', async () => {
    const { db } = await setUp();
    const all = await searchClients(db, '', settings, '2026-03-12');
    expect(all.map((c) => [c.name, c.overdueCount])).toEqual([
      ['Pharmacie du Centre', 2],
      ['Garage Dupont', 1],
      ['Boulangerie Martin', 0],
      ['Café des Arts', 0],
    ]);
    expect((await searchClients(db, 'CAFE', settings, '2026-03-12')).map((c) => c.name)).toEqual([
      'Café des Arts',
    ]);
    expect(await searchClients(db, 'nobody', settings, '2026-03-12')).toEqual([]);
  });
});

describe('assignEmailToClient', () => {
  it("adds the address to the client's e-mails once, and queues the client for the team", async () => {
    const { db, ctx } = await setUp();
    const [garage] = await searchClients(db, 'garage', settings, '2026-03-12');
    const updated = await assignEmailToClient(ctx, garage!.id, ' Atelier@Garage-Dupont.fr ');
    expect(updated.emails).toEqual(['atelier@garage-dupont.fr']);
    const queued = (await db.outbox.toArray()).map((row) => row.change);
    expect(queued).toContainEqual(
      expect.objectContaining({
        docType: 'client',
        data: expect.objectContaining({ id: garage!.id, emails: ['atelier@garage-dupont.fr'] }),
      }),
    );
    const again = await assignEmailToClient(ctx, garage!.id, 'atelier@garage-dupont.fr');
    expect(again.emails).toEqual(['atelier@garage-dupont.fr']);
    await expect(assignEmailToClient(ctx, '00000000-0000-7000-8000-000000000000', 'a@b.fr')).rejects.toThrow(
      /no client/,
    );
  });
});
