/**
 * Cryptographically strong random bytes from Web Crypto, which browsers, extension service workers
 * and Node 20 all expose as `globalThis.crypto`. Typed locally because the shared package compiles
 * without the DOM and Node type libraries.
 */
interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

export function randomBytes(length: number): Uint8Array {
  const webCrypto = (globalThis as unknown as { crypto?: WebCrypto }).crypto;
  if (!webCrypto) throw new Error('Web Crypto (globalThis.crypto) is not available in this environment');
  return webCrypto.getRandomValues(new Uint8Array(length));
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A random identifier of letters and digits, e.g. for a device's clock node id.
 * 62 symbols; the modulo bias (256 % 62) is irrelevant for uniqueness at these lengths.
 */
export function randomId(length = 16): string {
  let id = '';
  for (const byte of randomBytes(length)) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}
