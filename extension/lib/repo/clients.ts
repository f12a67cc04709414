import { type Client, client as clientSchema } from '@relance/shared';
import type { ClientRow } from '../db';
import type { ClientPatch } from '../messages';
import { describeIssues, UserError } from '../userError';
import { nextHlc } from './clock';
import type { RepoContext } from './context';
import { clientChange, clientRow } from './documents';
import { normaliseEmail } from './names';
import { enqueue } from './outbox';

/**
 * Writes a client document and queues it, inside the caller's transaction (which must hold
 * clients, outbox and syncState) or a new one.
 */
export async function writeClient(ctx: RepoContext, data: Client): Promise<ClientRow> {
  const { db } = ctx;
  return db.transaction('rw', db.clients, db.outbox, db.syncState, async () => {
    const row = clientRow(clientSchema.parse(data), await nextHlc(db, ctx.now));
    await db.clients.put(row);
    await enqueue(db, clientChange(row), ctx.now());
    return row;
  });
}

/** Adds e-mail addresses (or language, jurisdiction, address) to a client the overlay created. */
export async function updateClient(
  ctx: RepoContext,
  clientId: string,
  patch: ClientPatch,
): Promise<ClientRow> {
  const existing = await ctx.db.clients.get(clientId);
  if (!existing || existing.deleted) throw new UserError('unknown-client', `no client ${clientId}`);
  const emails = patch.emails ? [...new Set(patch.emails.map(normaliseEmail))] : existing.emails;
  const parsed = clientSchema.safeParse({ ...clientSchema.parse(existing), ...patch, emails });
  if (!parsed.success) throw new UserError('invalid-client', describeIssues(parsed.error));
  return writeClient(ctx, parsed.data);
}
