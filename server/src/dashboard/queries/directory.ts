import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/open';
import { documents } from '../../db/schema';
import { listPeople, type PersonListing } from '../../services/people';

/** Names for the history's filters and the currency of each invoice (activities carry none). */
export interface Directory {
  clients: { id: string; name: string }[];
  people: PersonListing[];
  invoiceCurrency: Map<string, string>;
  /** The team's most used currency, for amounts concerning no known invoice. */
  mainCurrency: string;
}

export async function loadDirectory(db: Database, teamId: string): Promise<Directory> {
  const [docs, people] = await Promise.all([
    db
      .select({
        docType: documents.docType,
        id: documents.id,
        name: sql<string | null>`${documents.data} ->> 'name'`,
        currency: sql<string | null>`${documents.data} ->> 'currency'`,
      })
      .from(documents)
      .where(
        and(
          eq(documents.teamId, teamId),
          eq(documents.deleted, false),
          inArray(documents.docType, ['client', 'invoice']),
        ),
      ),
    listPeople(db, teamId),
  ]);
  const clients: { id: string; name: string }[] = [];
  const invoiceCurrency = new Map<string, string>();
  const uses = new Map<string, number>();
  for (const doc of docs) {
    if (doc.docType === 'client' && doc.name) clients.push({ id: doc.id, name: doc.name });
    if (doc.docType === 'invoice' && doc.currency) {
      invoiceCurrency.set(doc.id, doc.currency);
      uses.set(doc.currency, (uses.get(doc.currency) ?? 0) + 1);
    }
  }
  clients.sort((a, b) => a.name.localeCompare(b.name));
  const mainCurrency = [...uses].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR';
  return { clients, people, invoiceCurrency, mainCurrency };
}
