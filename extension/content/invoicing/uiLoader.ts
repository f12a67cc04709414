import { importPackaged } from '../shared/packagedModule';
import type { createInvoicingUi } from './ui';

/** Where `invoicing-ui.js` leaves its factory, in the content scripts' own (isolated) world. */
export const UI_GLOBAL = '__relanceInvoicingUi';
/** The built file, listed in the manifest's web_accessible_resources (wxt.config.ts). */
export const UI_FILE = '/invoicing-ui.js';

export type UiFactory = typeof createInvoicingUi;

/** Loads the panels, the dialog and the teach mode on first use (see importPackaged). */
export function loadInvoicingUi(url: string): Promise<UiFactory> {
  return importPackaged<UiFactory>(url, UI_GLOBAL);
}
