import {
  type Activity,
  type Change,
  compareHlc,
  type DocumentChange,
  type PushResult,
  uuidv7,
} from '@relance/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/open';
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
    v.ok
      ? { id: v.id, status: 'accepted' }
      : { id: v.id, status: 'rejected', reason: v.reason, code: v.code, retryable: v.code === 'clock_ahead' },
  );
  if (!verdicts.some((v) => v.ok)) return results;

  // The usual batch (an extension's outbox of reminders, calls and notes logged) holds activities
  // only: stored in one statement, one round trip, with no transaction around it.
  if (verdicts.every((v) => !v.ok || v.change.kind === 'activity')) {
    const accepted = verdicts.flatMap((v, index) =>
      v.ok ? [{ index, activity: (v.change as ActivityChange).activity }] : [],
    );
    const outcomes = await storeActivitiesAtOnce(
      db,
      identity,
      accepted.map((a) => a.activity),
    );
    for (const [k, a] of accepted.entries())
      results[a.index] = { id: verdicts[a.index]!.id, ...outcomes[k]! };
    return results;
  }

  await db.transaction(async (tx) => {
    const [team] = await tx
      .select({ version: teams.version })
      .from(teams)
      .where(eq(teams.id, identity.team.id))
      .for('update');
    if (!team) throw new Error(`team ${identity.team.id} vanished`);
    const writer = new BatchWriter(tx, identity, team.version);
    // Runs of consecutive activities, and of consecutive documents, are each written together
    // (one lookup, one write); versions still follow the order of the batch.
    const accepted = verdicts.flatMap((v, index) => (v.ok ? [{ index, change: v.change }] : []));
    for (let start = 0; start < accepted.length; ) {
      const kind = accepted[start]!.change.kind;
      let end = start;
      while (end < accepted.length && accepted[end]!.change.kind === kind) end++;
      const run = accepted.slice(start, end);
      const outcomes =
        kind === 'activity'
          ? await writer.activities(run.map((r) => (r.change as ActivityChange).activity))
          : await writer.documents(run.map((r) => r.change as DocumentChange));
      for (const [k, r] of run.entries()) results[r.index] = { id: verdicts[r.index]!.id, ...outcomes[k]! };
      start = end;
    }
    if (writer.version !== team.version) {
      await tx.update(teams).set({ version: writer.version }).where(eq(teams.id, identity.team.id));
    }
  });
  return results;
}

type Outcome = Omit<PushResult, 'id'>;

/**
 * Activities in one statement: the team's counter is moved past the whole run by an `UPDATE …
 * RETURNING` (which takes the team's row lock until the statement commits, so versions still become
 * visible in order), and the rows are inserted from one JSON parameter with `ON CONFLICT DO
 * NOTHING`; ids already stored come back `duplicate` with their first version. A duplicate leaves
 * its version unused: the cursor has gaps, never skips.
 */
async function storeActivitiesAtOnce(
  db: Database | Tx,
  identity: Identity,
  list: Activity[],
): Promise<Outcome[]> {
  const teamId = identity.team.id;
  const author = { authorId: identity.person.id, authorName: identity.person.name };
  // An id twice in one batch: stored once, the later one answered as its duplicate.
  const firstIndex = new Map<string, number>();
  const fresh: Activity[] = [];
  for (const activity of list) {
    if (!firstIndex.has(activity.id)) {
      firstIndex.set(activity.id, fresh.length);
      fresh.push(activity);
    }
  }
  const payload = JSON.stringify(fresh.map((activity) => ({ ...activity, ...author })));
  const n = fresh.length;
  const stored = rowsOf<{ id: string; version: string | number }>(
    await db.execute(sql`
      with team as (
        update teams set version = version + ${n} where id = ${teamId} returning version - ${n} as base
      ), input as (
        select e.value as data, e.ordinality as ord from jsonb_array_elements(${payload}::jsonb) with ordinality as e
      ), stored as (
        insert into activities (team_id, id, version, type, client_id, date, at, author_id, data)
        select ${teamId}, (i.data->>'id')::uuid, team.base + i.ord, i.data->>'type', (i.data->>'clientId')::uuid,
               i.data->>'date', (i.data->>'at')::timestamptz, ${identity.person.id}, i.data
          from input i cross join team
        on conflict (team_id, id) do nothing
        returning id::text as id, version
      )
      select id, version from stored`),
  );
  const versions = new Map<string, { status: 'accepted' | 'duplicate'; version: number }>(
    stored.map((row) => [row.id, { status: 'accepted', version: Number(row.version) }]),
  );
  const missing = fresh.filter((a) => !versions.has(a.id)).map((a) => a.id);
  if (missing.length > 0) {
    const earlier = await db
      .select({ id: activities.id, version: activities.version })
      .from(activities)
      .where(and(eq(activities.teamId, teamId), inArray(activities.id, missing)));
    if (earlier.length < missing.length) throw new Error(`team ${teamId} vanished during a push`);
    for (const row of earlier) versions.set(row.id, { status: 'duplicate', version: row.version });
  }
  const answered = new Set<string>();
  return list.map((activity): Outcome => {
    const outcome = versions.get(activity.id)!;
    if (answered.has(activity.id)) return { status: 'duplicate', version: outcome.version };
    answered.add(activity.id);
    return outcome;
  });
}
type ActivityChange = Extract<Change, { kind: 'activity' }>;

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

  /**
   * Stores new activities under the next versions, in order; an id already stored in this team
   * (or earlier in the same list) comes back `duplicate` with the version of the first write.
   * The team's row is locked, so no other push of the team can insert meanwhile.
   */
  async activities(list: Activity[]): Promise<Outcome[]> {
    if (list.length === 0) return [];
    const teamId = this.identity.team.id;
    const stored = await this.tx
      .select({ id: activities.id, version: activities.version })
      .from(activities)
      .where(
        and(
          eq(activities.teamId, teamId),
          inArray(
            activities.id,
            list.map((a) => a.id),
          ),
        ),
      );
    const known = new Map(stored.map((row) => [row.id, row.version]));
    const rows: (typeof activities.$inferInsert)[] = [];
    const outcomes = list.map((activity): Outcome => {
      const existing = known.get(activity.id);
      if (existing !== undefined) return { status: 'duplicate', version: existing };
      const version = ++this.version;
      known.set(activity.id, version);
      rows.push({
        teamId,
        id: activity.id,
        version,
        type: activity.type,
        clientId: activity.clientId,
        date: activity.date,
        at: new Date(activity.at),
        authorId: this.identity.person.id,
        data: { ...activity, ...this.author },
      });
      return { status: 'accepted', version };
    });
    if (rows.length > 0) await this.tx.insert(activities).values(rows);
    return outcomes;
  }

  /**
   * Last writer wins by clock, for documents in order: an older clock is `stale`, the same clock
   * `duplicate`, a newer one stored under the next version. Every write of a note is also kept as
   * a revision, a stale one included (the same write twice is kept once).
   */
  async documents(list: DocumentChange[]): Promise<Outcome[]> {
    const teamId = this.identity.team.id;
    const authorId = this.identity.person.id;
    const dataOf = (change: DocumentChange) =>
      change.docType === 'note' ? { ...change.data, ...this.author } : change.data;

    const revisions = list.flatMap((change) =>
      change.docType === 'note'
        ? [
            {
              id: uuidv7(),
              teamId,
              noteId: change.id,
              hlc: change.hlc,
              text: change.data.text,
              deleted: change.deleted,
              data: dataOf(change),
              authorId,
            },
          ]
        : [],
    );
    if (revisions.length > 0) await this.tx.insert(noteRevisions).values(revisions).onConflictDoNothing();

    const stored = await this.tx
      .select({
        docType: documents.docType,
        id: documents.id,
        hlc: documents.hlc,
        version: documents.version,
      })
      .from(documents)
      .where(and(eq(documents.teamId, teamId), inArray(documents.id, [...new Set(list.map((c) => c.id))])));
    const current = new Map(stored.map((row) => [`${row.docType}:${row.id}`, row]));
    // The latest accepted write of each document: one row each in the upsert below.
    const rows = new Map<string, typeof documents.$inferInsert>();
    const outcomes = list.map((change): Outcome => {
      const key = `${change.docType}:${change.id}`;
      const before = current.get(key);
      // Clocks are compared here, not in SQL, so that no database collation can reorder them.
      const order = before ? compareHlc(change.hlc, before.hlc) : 1;
      if (before && order === 0) return { status: 'duplicate', version: before.version };
      if (order < 0) return { status: 'stale' };
      const version = ++this.version;
      current.set(key, { docType: change.docType, id: change.id, hlc: change.hlc, version });
      rows.set(key, {
        teamId,
        docType: change.docType,
        id: change.id,
        hlc: change.hlc,
        deleted: change.deleted,
        data: dataOf(change),
        version,
        authorId,
        clientId: linkedClientId(change),
        invoiceId: change.docType === 'note' ? (change.data.invoiceId ?? null) : null,
        updatedAt: new Date(),
      });
      return { status: 'accepted', version };
    });
    if (rows.size > 0) {
      await this.tx
        .insert(documents)
        .values([...rows.values()])
        .onConflictDoUpdate({
          target: [documents.teamId, documents.docType, documents.id],
          set: {
            hlc: sql`excluded.hlc`,
            deleted: sql`excluded.deleted`,
            data: sql`excluded.data`,
            version: sql`excluded.version`,
            authorId: sql`excluded.author_id`,
            clientId: sql`excluded.client_id`,
            invoiceId: sql`excluded.invoice_id`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }
    return outcomes;
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
    default:
      return null;
  }
}
