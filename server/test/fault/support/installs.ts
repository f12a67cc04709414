// The extension's own code, on an in-memory IndexedDB, stands in for each browser.
import 'fake-indexeddb/auto';
import { RelanceDb } from '../../../../extension/lib/db';
import { logActivity } from '../../../../extension/lib/repo/activities';
import { recordObservations } from '../../../../extension/lib/repo/invoices';
import { addNote, updateNote } from '../../../../extension/lib/repo/notes';
import { createInvite, createTeam, joinTeam } from '../../../../extension/lib/sync/account';
import type { FetchLike } from '../../../../extension/lib/sync/api';
import { SyncEngine, type SyncOutcome } from '../../../../extension/lib/sync/engine';
import type { Upstreams } from './servers';

/** The address every install is configured with; each request goes to a live upstream instead. */
const SERVER = 'http://relance.fault';
const PUSH = /\/sync\/push$/;

let installs = 0;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One simulated extension: its own IndexedDB and the real sync engine (outbox, retries, backoff,
 * lease lock, cursor), with waits shortened so that a test lasts seconds, not hours.
 */
export class SimulatedInstall {
  readonly db: RelanceDb;
  readonly ctx: { db: RelanceDb; now: () => Date };
  readonly engine: SyncEngine;
  /** Ids of the activities this install logged. */
  readonly written: string[] = [];
  /** Every text this install typed into the team's shared note. */
  readonly typedNotes: string[] = [];
  /**
   * Note texts in pushes the server answered. The outbox keeps only the latest edit of a note, so
   * an edit replaced before it was sent never leaves; one the server acknowledged must be kept.
   */
  readonly acknowledgedNotes: string[] = [];
  private readonly index = ++installs;
  private round = 0;

  constructor(
    readonly name: string,
    private readonly upstreams: Upstreams,
  ) {
    this.db = new RelanceDb(`relance-fault-${process.pid}-${this.index}`);
    this.ctx = { db: this.db, now: () => new Date() };
    this.engine = new SyncEngine({
      db: this.db,
      fetch: this.fetch,
      requestRetry: { attempts: 3, baseMs: 20, maxMs: 200 },
      runBackoff: { baseMs: 50, maxMs: 500 },
    });
  }

  readonly fetch: FetchLike = async (input, init) => {
    const url = input.replace(SERVER, this.upstreams.pick());
    const isPush = PUSH.test(new URL(url).pathname);
    if (isPush) this.upstreams.pushesInFlight++;
    try {
      const res = await fetch(url, init);
      if (isPush && this.upstreams.losingAnswers) {
        this.upstreams.lostAnswers++;
        throw new TypeError('fetch failed: the connection broke before the answer arrived');
      }
      this.upstreams.count(res.status);
      if (isPush && res.ok) {
        this.acknowledgedNotes.push(...noteTexts(init?.body));
        const { results } = (await res.clone().json()) as { results: { status: string }[] };
        this.upstreams.duplicates += results.filter((r) => r.status === 'duplicate').length;
      }
      return res;
    } catch (error) {
      this.upstreams.count('network');
      throw error;
    } finally {
      if (isPush) this.upstreams.pushesInFlight--;
    }
  };

  get deps() {
    return { db: this.db, fetch: this.fetch };
  }

  /**
   * One person's burst of work, as the overlay and the panels write it: a comment on a client,
   * invoices read off a page shared by the whole team (the same documents, written concurrently
   * by everyone with different figures), and an edit of the team's shared note once it arrived.
   */
  async work(sharedNoteId?: string): Promise<void> {
    const round = ++this.round;
    const [seen] = await recordObservations(this.ctx, [
      invoiceSeen(round % 7, round * 31 + this.index),
      invoiceSeen((round + 3) % 7, round),
    ]);
    const activity = await logActivity(this.ctx, {
      type: 'comment',
      clientId: seen!.client.id,
      invoiceIds: [seen!.invoice.id],
      text: `${this.name} #${round}`,
    });
    this.written.push(activity.id);
    if (sharedNoteId && (await this.db.notes.get(sharedNoteId))) {
      const text = `${this.name} edits the note (${round})`;
      await updateNote(this.ctx, sharedNoteId, text);
      this.typedNotes.push(text);
    }
  }

  sync(): Promise<SyncOutcome> {
    return this.engine.run('manual');
  }

  /** Syncs until a run succeeds with nothing left to send, or the deadline passes. */
  async settle(deadline: number): Promise<void> {
    for (;;) {
      const outcome = await this.sync();
      if (outcome.status === 'ok' && (await this.db.outbox.count()) === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `${this.name} did not settle: ${JSON.stringify(outcome)}, ${await this.db.outbox.count()} queued`,
        );
      }
      await sleep(100);
    }
  }

  /** What this install ends up knowing, in a form two installs can be compared by. */
  async snapshot() {
    const byId = <T extends { id: string }>(rows: T[], value: (row: T) => unknown) =>
      Object.fromEntries(rows.sort((a, b) => a.id.localeCompare(b.id)).map((row) => [row.id, value(row)]));
    return {
      activities: (await this.db.activities.toArray()).map((a) => a.id).sort(),
      invoices: byId(await this.db.invoices.toArray(), (i) => `${i.hlc} ${i.amountDueCents}`),
      clients: byId(await this.db.clients.toArray(), (c) => c.hlc),
      notes: byId(await this.db.notes.toArray(), (n) => `${n.hlc} ${n.text}`),
      refused: await this.db.setAside.where('status').anyOf('rejected', 'unreadable').count(),
    };
  }
}

function noteTexts(body: RequestInit['body']): string[] {
  const { changes } = JSON.parse(String(body)) as {
    changes: { docType?: string; data?: { text?: string } }[];
  };
  return changes.flatMap((c) => (c.docType === 'note' && c.data?.text ? [c.data.text] : []));
}

/** An invoice of the team's invoicing site; its amount changes as payments come in. */
function invoiceSeen(n: number, amountSeed: number) {
  return {
    number: `F-2026-${String(n).padStart(3, '0')}`,
    clientName: `Client ${n % 3}`,
    amountDueCents: 10_000 + (amountSeed % 97) * 100,
    currency: 'EUR',
    dueDate: '2026-01-15',
    host: 'factures.example.com',
    url: `https://factures.example.com/f/${n}`,
  };
}

/**
 * A team of `size` installs: the first creates it and writes the shared note, the others join
 * with invite codes, all through the extension's own sign-in code.
 */
export async function makeTeam(upstreams: Upstreams, size: number) {
  const owner = new SimulatedInstall('install-0', upstreams);
  const account = await createTeam(owner.deps, {
    serverUrl: SERVER,
    teamName: 'Atelier',
    personName: 'Person 0',
  });
  const members: SimulatedInstall[] = [];
  for (let i = 1; i < size; i++) {
    const install = new SimulatedInstall(`install-${i}`, upstreams);
    const { code } = await createInvite(owner.deps);
    await joinTeam(install.deps, { serverUrl: SERVER, code, personName: `Person ${i}` });
    members.push(install);
  }
  const [seen] = await recordObservations(owner.ctx, [invoiceSeen(0, 0)]);
  const note = await addNote(owner.ctx, { clientId: seen!.client.id, text: 'Note de l’équipe' });
  owner.typedNotes.push(note.text);
  return { installs: [owner, ...members], token: account.token, sharedNoteId: note.id };
}

/** Keeps working and syncing, with short random pauses, until `writing()` turns false. */
export async function keepWorking(install: SimulatedInstall, sharedNoteId: string, writing: () => boolean) {
  while (writing()) {
    await install.work(sharedNoteId);
    await install.sync();
    await sleep(Math.random() * 30);
  }
}

/**
 * Brings every install up to date: each sends what it still holds, then each pulls once more so
 * that what the last ones sent reaches the first ones.
 */
export async function settleAll(installs: SimulatedInstall[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  await Promise.all(installs.map((i) => i.settle(deadline)));
  await Promise.all(installs.map((i) => i.settle(deadline)));
}
