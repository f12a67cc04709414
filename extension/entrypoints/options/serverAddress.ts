// What a person types as the server's address ("relance.atelier.fr", "localhost:8787") made into
// a URL, and a first look at it before anything is sent: is it there, and is it Relance?

const LOCAL_HOST =
  /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|[\w-]+\.local)(:\d+)?$/i;

/** `https://` added when missing (`http://` for this machine and the local network), no trailing slash. */
export function completeServerUrl(input: string): string {
  let text = input.trim();
  if (!text) return '';
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(text)) {
    const host = text.split('/')[0] ?? '';
    text = `${LOCAL_HOST.test(host) ? 'http' : 'https'}://${text}`;
  }
  // The dashboard's address pasted instead of the server's is understood too.
  return text.replace(/\/+$/, '').replace(/\/dashboard(\/.*)?$/, '');
}

export type ServerCheck = 'ok' | 'not-relance' | 'unreachable';

/** Asks `/healthz`: a Relance server names itself there (a busy database is still Relance). */
export async function checkServer(
  url: string,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
  timeoutMs = 8000,
): Promise<ServerCheck> {
  let response: Response;
  try {
    response = await fetchFn(`${url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return 'unreachable';
  }
  try {
    const body = (await response.json()) as { service?: unknown };
    return body?.service === 'relance' ? 'ok' : 'not-relance';
  } catch {
    return 'not-relance';
  }
}
