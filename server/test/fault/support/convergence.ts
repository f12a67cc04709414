import { expect } from 'vitest';
import type { SimulatedInstall } from './installs';

interface PulledActivity {
  kind: 'activity';
  activity: { id: string };
}
interface PulledDocument {
  kind: 'document';
  docType: string;
  id: string;
  hlc: string;
  data: { text?: string; amountDueCents?: number };
}

/** The team as the server holds it: a full pull from version 0, page by page, as a new install would. */
export async function serverState(url: string, token: string) {
  const activityIds: string[] = [];
  const documents = new Map<string, PulledDocument>();
  let since = 0;
  for (;;) {
    const res = await fetch(`${url}/api/v1/sync/pull?since=${since}&limit=1000`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      changes: (PulledActivity | PulledDocument)[];
      cursor: number;
      hasMore: boolean;
    };
    for (const change of page.changes) {
      if (change.kind === 'activity') activityIds.push(change.activity.id);
      else {
        // A document comes once, in its latest state.
        expect(documents.has(`${change.docType}:${change.id}`), `${change.id} pulled twice`).toBe(false);
        documents.set(`${change.docType}:${change.id}`, change);
      }
    }
    since = page.cursor;
    if (!page.hasMore) return { activityIds, documents };
  }
}

async function noteRevisionTexts(url: string, token: string, noteId: string): Promise<string[]> {
  const res = await fetch(`${url}/api/v1/notes/${noteId}/revisions`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const { revisions } = (await res.json()) as { revisions: { text: string }[] };
  return revisions.map((r) => r.text);
}

/**
 * The property every fault test ends on: whatever happened, the server holds every activity that
 * any install logged, exactly once; every install holds exactly that set and the same latest state
 * of every document; no change was refused; and every edit of the shared note that the server
 * acknowledged survives as a revision.
 */
export async function expectConverged(
  installs: SimulatedInstall[],
  team: { url: string; token: string; sharedNoteId: string },
) {
  const written = installs.flatMap((i) => i.written);
  expect(new Set(written).size, 'activity ids are unique').toBe(written.length);

  const server = await serverState(team.url, team.token);
  expect(server.activityIds.length, 'no activity pulled twice').toBe(new Set(server.activityIds).size);
  expect([...server.activityIds].sort(), 'the server holds every activity logged, once').toEqual(
    [...written].sort(),
  );

  const expected = {
    activities: [...written].sort(),
    invoices: documentsOf(server.documents, 'invoice', (d) => `${d.hlc} ${d.data.amountDueCents}`),
    clients: documentsOf(server.documents, 'client', (d) => d.hlc),
    notes: documentsOf(server.documents, 'note', (d) => `${d.hlc} ${d.data.text}`),
    refused: 0,
  };
  for (const install of installs) {
    expect(await install.snapshot(), `${install.name} holds the team's state`).toEqual(expected);
  }

  const revisions = await noteRevisionTexts(team.url, team.token, team.sharedNoteId);
  const typed = installs.flatMap((i) => i.typedNotes);
  const mustKeep = new Set([
    ...installs.flatMap((i) => i.acknowledgedNotes),
    // The last edit of each install is never replaced in its outbox, so it is always sent.
    ...installs.flatMap((i) => i.typedNotes.slice(-1)),
  ]);
  expect(revisions.length, 'one revision per note edit').toBe(new Set(revisions).size);
  expect(
    [...mustKeep].filter((text) => !revisions.includes(text)),
    'every edit the server acknowledged is kept',
  ).toEqual([]);
  expect(
    revisions.filter((text) => !typed.includes(text)),
    'no revision nobody typed',
  ).toEqual([]);
  return { activities: written.length, documents: server.documents.size, noteRevisions: revisions.length };
}

function documentsOf(
  documents: Map<string, PulledDocument>,
  docType: string,
  value: (doc: PulledDocument) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(
    [...documents.values()]
      .filter((d) => d.docType === docType)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((d) => [d.id, value(d)]),
  );
}
