import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { webmailUi } from '../content/webmail/ui';
import { UI_GLOBAL } from '../content/webmail/uiLoader';

/**
 * The webmail overlay's rarely used parts (the "belongs to" line and its client search, the
 * health report's outline), loaded by its content script when first needed (`uiLoader.ts`).
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[UI_GLOBAL] = webmailUi;
});
