import type { createInvoicingUi } from './ui';

/** Where `invoicing-ui.js` leaves its factory, in the content scripts' own (isolated) world. */
export const UI_GLOBAL = '__relanceInvoicingUi';
/** The built file, listed in the manifest's web_accessible_resources (wxt.config.ts). */
export const UI_FILE = '/invoicing-ui.js';

export type UiFactory = typeof createInvoicingUi;

/**
 * Loads the panels, the dialog and the teach mode on first use. A content script cannot be split
 * by the bundler (it is one classic script), but it may `import()` a file of the extension: the
 * module runs in the content script's world (Chromium and Firefox), where it leaves its factory.
 */
export async function loadInvoicingUi(url: string): Promise<UiFactory> {
  const world = globalThis as { [UI_GLOBAL]?: UiFactory };
  if (!world[UI_GLOBAL]) await import(/* @vite-ignore */ url);
  const factory = world[UI_GLOBAL];
  if (!factory) throw new Error(`${UI_FILE} did not load`);
  return factory;
}
