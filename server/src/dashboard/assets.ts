import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The dashboard's one stylesheet, read once; its hash in the URL lets browsers cache it for long. */
export const STYLESHEET = readFileSync(new URL('./assets/dashboard.css', import.meta.url), 'utf8');
export const STYLESHEET_VERSION = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);
