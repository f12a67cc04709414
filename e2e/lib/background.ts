import type { WebWorker } from 'puppeteer-core';
import type { AnyRequest, ResponseOf, SyncStatusView } from '../../extension/lib/messages';

/**
 * Talking to the extension's background from a test, through the hook the service worker exposes
 * on its global scope (`relanceBackground`, see extension/entrypoints/background.ts). Requests are
 * answered as if an extension page sent them; the typed contract is extension/lib/messages.ts.
 */
type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Sends one message (e.g. `{ type: 'getSyncStatus' }`) and returns its typed answer, or throws BackgroundError. */
export async function askBackground<R extends AnyRequest>(
  worker: WebWorker,
  message: R,
): Promise<ResponseOf<R['type']>> {
  const envelope = (await worker.evaluate(
    (m) =>
      (
        globalThis as unknown as { relanceBackground: { request(m: unknown): Promise<unknown> } }
      ).relanceBackground.request(m),
    message,
  )) as Envelope;
  if (!envelope.ok) throw new BackgroundError(envelope.error.code, envelope.error.message);
  return envelope.value as ResponseOf<R['type']>;
}

/**
 * Points the extension at a server and signs it in with a token (e.g. from `startTestServer()`'s
 * `createTeam()`), then runs a first sync. Returns that sync's outcome (`{ status: 'ok', ... }`).
 */
export async function configureServer(
  worker: WebWorker,
  serverUrl: string,
  token: string,
): Promise<{ status: string }> {
  return (await worker.evaluate(
    (url, t) =>
      (
        globalThis as unknown as {
          relanceBackground: { signInWithToken(url: string, token: string): Promise<unknown> };
        }
      ).relanceBackground.signInWithToken(url, t),
    serverUrl,
    token,
  )) as { status: string };
}

/** Joins a team with an invite code, the way the options page does. */
export function joinTeam(worker: WebWorker, serverUrl: string, code: string, personName: string) {
  return askBackground(worker, { type: 'joinTeam', serverUrl, code, personName });
}

/** Runs a sync now and returns the status the popup would show. */
export function syncNow(worker: WebWorker): Promise<SyncStatusView> {
  return askBackground(worker, { type: 'syncNow' });
}
