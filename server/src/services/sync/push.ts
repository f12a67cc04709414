import { type Activity, compareHlc, type DocumentChange, type PushResult, uuidv7 } from '@relance/shared';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/open';
import { activities, documents, noteRevisions, teams } from '../../db/schema';
import type { Identity } from '../identity';
import { checkChange, resultId } from './checks';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Stores a batch of changes for the caller's team and says, per change and in order, what became
 * of it. Everything the batch stores is written in one transaction that first locks the team's
 * version counter, so pushes of one team are serialised and versions commit in order (a pull
 * following the cursor never skips one). Retrying a batch is safe: activities are deduplicated by
 * id and a document write already applied comes back `duplicate`.
 */
export async function pushChanges(
  db: Database,
  identity: Identity,
  rawChanges: unknown[],
  now: Date = new Date(),
): Promise<PushResult[]> {
  const ctx = {
    teamId: identity.team.id,
    canEditSettings: identity.person.role !== 'member',
    now,
  };
  const verdicts = rawChanges.map((raw, index) => ({
    id: resultId(raw, index),
    ...checkChange(raw, index, ctx),
  }));
  const results: PushResult[] = verdicts.map((v) =>
    v.ok ? { id: v.id, status: 'accepted' } : { id: v.id, status: 'rejected', reason: v.reason },
  );
  if (!verdicts.some((v) => v.ok)) return results;

  await db.transaction(async (tx) => {
    const [team] = await tx
      .select({ version: teams.version })
      .from(teams)
      .where(eq(teams.id, identity.team.id))
      .for('update');
    if (!team) throw new Error(`team ${identity.team.id} vanished`);
    const writer = new BatchWriter(tx, identity, team.version);
    for (const [i, verdict] of verdicts.entries()) {
      if (!verdict.ok) continue;
      const c = verdict.change;
      results[i] = {
        id: verdict.id,
        ...(await (c.kind === 'activity' ? writer.activity(c.activity) : writer.document(c))),
      };
    }
    if (writer.version !== team.version) {
      await tx.update(teams).set({ version: writer.version }).where(eq(teams.id, identity.team.id));
    }
  });
  return results;
}

type Outcome = Omit<PushResult, 'id'>;

/** Writes one batch inside its transaction, handing each stored change the team's next version. */
class BatchWriter {
  constructor(
    private readonly tx: Tx,
    private readonly identity: Identity,
    public version: number,
  ) {}

  private get author() {
    return { authorId: this.identity.person.id, authorName: this.identity.person.name };
  }

  async activity(activity: Activity): Promise<Outcome> {
    const teamId = this.identity.team.id;
    const next = this.version + 1;
    const inserted = await this.tx
      .insert(activities)
      .values({
        teamId,
        id: activity.id,
        version: next,
        type: activity.type,
        clientId: activity.clientId,
        date: activity.date,
        at: new Date(activity.at),
        authorId: this.identity.person.id,
        data: { ...activity, ...this.author },
      })
      .onConflictDoNothing()
      .returning({ version: activities.version });
    if (inserted.length > 0) {
      this.version = next;
      return { status: 'accepted', version: next };
    }
    // Same id already stored in this team: the first write stands.
    const [existing] = await this.tx
      .select({ version: activities.version })
      .from(activities)
      .where(and(eq(activities.teamId, teamId), eq(activities.id, activity.id)));
    return { status: 'duplicate', ...(existing ? { version: existing.version } : {}) };
  }

  async document(change: DocumentChange): Promise<Outcome> {
    const teamId = this.identity.team.id;
    const data = change.docType === 'note' ? { ...change.data, ...this.author } : change.data;
    if (change.docType === 'note') await this.keepNoteRevision(change, data);

    const [stored] = await this.tx
      .select({ hlc: documents.hlc, version: documents.version })
      .from(documents)
      .where(
        and(eq(documents.teamId, teamId), eq(documents.docType, change.docType), eq(documents.id, change.id)),
      );
    // Clocks are compared here, not in SQL, so that no database collation can reorder them.
    const order = stored ? compareHlc(change.hlc, stored.hlc) : 1;
    if (stored && order === 0) return { status: 'duplicate', version: stored.version };
    if (order < 0) return { status: 'stale' };

    const next = this.version + 1;
    const row = {
      hlc: change.hlc,
      deleted: change.deleted,
      data,
      version: next,
      authorId: this.identity.person.id,
      clientId: linkedClientId(change),
      invoiceId: change.docType === 'note' ? (change.data.invoiceId ?? null) : null,
      updatedAt: new Date(),
    };
    await this.tx
      .insert(documents)
      .values({ teamId, docType: change.docType, id: change.id, ...row })
      .onConflictDoUpdate({ target: [documents.teamId, documents.docType, documents.id], set: row });
    this.version = next;
    return { status: 'accepted', version: next };
  }

  /** Every write of a note is kept, a stale one included; the same write twice is kept once. */
  private async keepNoteRevision(change: Extract<DocumentChange, { docType: 'note' }>, data: object) {
    await this.tx
      .insert(noteRevisions)
      .values({
        id: uuidv7(),
        teamId: this.identity.team.id,
        noteId: change.id,
        hlc: change.hlc,
        text: change.data.text,
        deleted: change.deleted,
        data,
        authorId: this.identity.person.id,
      })
      .onConflictDoNothing();
  }
}

function linkedClientId(change: DocumentChange): string | null {
  switch (change.docType) {
    case 'client':
      return change.id;
    case 'invoice':
      return change.data.clientId ?? null;
    case 'note':
      return change.data.clientId;
    case 'settings':
      return null;
  }
}
