import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createInvoicingUi } from '../content/invoicing/ui';
import { UI_GLOBAL } from '../content/invoicing/uiLoader';

/**
 * The invoicing overlay's panels, dialog and teach mode, loaded by the content script the first
 * time a person opens one (`content/invoicing/uiLoader.ts`).
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[UI_GLOBAL] = createInvoicingUi;
});
