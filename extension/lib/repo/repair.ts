import { numberToken } from '@relance/shared/parse';
import type { InvoiceRow } from '../db';
import { nextHlcs } from './clock';
import type { RepoContext } from './context';
import { invoiceChange } from './documents';
import { mergeLocally, mergeTables } from './merges';
import { normaliseName } from './names';
import { enqueueAll } from './outbox';
import { invoiceIdFor } from './stableIds';

/**
 * Once per install after the upgrade that reads pages as a person sees them (issue 11): records
 * stored from the old reading, where they can be recognised, are merged into clean ones —
 * `FA2610-0008 Aperçu pdfTéléchargement pdf` into `FA2610-0008`, `BBoulangerie Martin` (an avatar's
 * initial glued to the name) or `Garage Dupont 12 rue des Lilas compta@garage-dupont.fr` into the
 * client named `Boulangerie Martin` / `Garage Dupont`. Merges are documents: nothing is deleted, and
 * the team's other installs apply the same merges.
 */
export const READINGS_REPAIR_VERSION = 1;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export async function repairReadings(ctx: RepoContext): Promise<{ invoices: number; clients: number }> {
  const { db } = ctx;
  const repairs = (await db.getSetting('repairs')) ?? {};
  if ((repairs.readings ?? 0) >= READINGS_REPAIR_VERSION) return { invoices: 0, clients: 0 };

  const invoices = (await db.invoices.toArray()).filter((i) => !i.deleted);
  const clients = (await db.clients.toArray()).filter((c) => !c.deleted);

  // Invoices: the number-shaped token of what was stored, under the normalised number's id.
  const invoiceMerges: { id: string; kind: 'invoice'; into: string }[] = [];
  const created: InvoiceRow[] = [];
  const known = new Set(invoices.map((i) => i.id));
  let renamed = 0;
  for (const invoice of invoices) {
    const clean = numberToken(invoice.number);
    if (!clean) continue;
    const into = await invoiceIdFor(invoice.host ?? '', clean);
    if (into === invoice.id) {
      // Already under the clean id (read since the upgrade): only the number shown is cleaned.
      if (clean !== invoice.number.trim()) {
        renamed++;
        created.push({ ...invoice, number: clean });
      }
      continue;
    }
    invoiceMerges.push({ id: invoice.id, kind: 'invoice', into });
    if (!known.has(into)) {
      known.add(into);
      created.push({ ...invoice, id: into, number: clean });
    }
  }

  // Clients: a polluted name that contains another client's clean name.
  const byKey = new Map(clients.map((c) => [c.nameKey, c]));
  const clientMerges: { id: string; kind: 'client'; into: string }[] = [];
  for (const client of clients) {
    const target = cleanClientFor(client.name, byKey);
    if (target && target.id !== client.id)
      clientMerges.push({ id: client.id, kind: 'client', into: target.id });
  }

  await db.transaction('rw', [...mergeTables(db), db.settings], async () => {
    if (created.length > 0) {
      const hlcs = await nextHlcs(db, ctx.now, created.length);
      created.forEach((row, i) => {
        row.hlc = hlcs[i]!;
      });
      await db.invoices.bulkPut(created);
      await enqueueAll(db, created.map(invoiceChange), ctx.now());
    }
    await mergeLocally(ctx, [...invoiceMerges, ...clientMerges]);
    await db.setSetting('repairs', { ...repairs, readings: READINGS_REPAIR_VERSION });
  });
  return { invoices: invoiceMerges.length + renamed, clients: clientMerges.length };
}

/** The client a polluted name stands for: glued initials, or the name followed by an address/e-mail. */
function cleanClientFor<T extends { id: string; name: string }>(name: string, byKey: Map<string, T>) {
  const glued = /^(\p{Lu}{1,3})(\p{Lu}\p{Ll}.*)$/u.exec(name);
  if (glued && glued[2]!.startsWith(glued[1]![0]!)) {
    const found = byKey.get(normaliseName(glued[2]!));
    if (found) return found;
  }
  const words = name.split(/\s+/);
  if (!EMAIL.test(name) && !/\d/.test(name)) return undefined;
  // The longest leading run of words that is another client's name, followed by an address or e-mail.
  for (let end = words.length - 1; end >= 1; end--) {
    const found = byKey.get(normaliseName(words.slice(0, end).join(' ')));
    if (found && /[\d@]/.test(words.slice(end).join(' '))) return found;
  }
  return undefined;
}
