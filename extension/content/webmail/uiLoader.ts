import type { OnDemand } from '../shared/onDemand';
import { importPackaged } from '../shared/packagedModule';
import type { WebmailUi } from './ui';

/** Where `webmail-ui.js` leaves its parts, in the content scripts' own (isolated) world. */
export const UI_GLOBAL = '__relanceWebmailUi';
/** The built file, listed in the manifest's web_accessible_resources (wxt.config.ts). */
export const UI_FILE = '/webmail-ui.js';

/** Runs `webmail-ui.js` once (see importPackaged). */
export function importWebmailUi(url: string): Promise<WebmailUi> {
  return importPackaged<WebmailUi>(url, UI_GLOBAL);
}

/** The webmail's on-demand parts for one page (see OnDemand). */
export type WebmailUiLoader = OnDemand<WebmailUi>;
