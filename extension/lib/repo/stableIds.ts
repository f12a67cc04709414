import { normaliseInvoiceNumber } from '@relance/shared/parse';
import { normaliseName } from './names';

/**
 * Invoices and clients seen on pages get ids derived from what identifies them (host + number,
 * client name), as name-based UUIDs (RFC 9562 version 5). Two teammates who see the same invoice
 * on their own machines therefore write the same document instead of two look-alikes.
 *
 * Computed before a Dexie transaction opens: awaiting WebCrypto inside one would end it.
 */
const NAMESPACE = 'c6b8d0e2-3f1a-4b5c-9d7e-2a4f6b8c0d1e';

export function invoiceIdFor(host: string, number: string): Promise<string> {
  return uuidv5(`invoice\n${host.toLowerCase()}\n${normaliseInvoiceNumber(number)}`);
}

/** A taught site mapping is one document per host for the whole team. */
export function siteMappingIdFor(host: string): Promise<string> {
  return uuidv5(`site-mapping\n${host.toLowerCase()}`);
}

export function clientIdFor(name: string): Promise<string> {
  return uuidv5(`client\n${normaliseName(name)}`);
}

export async function uuidv5(name: string, namespace = NAMESPACE): Promise<string> {
  const ns = namespace.replace(/-/g, '');
  const bytes = new Uint8Array(16 + new TextEncoder().encode(name).length);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  bytes.set(new TextEncoder().encode(name), 16);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
