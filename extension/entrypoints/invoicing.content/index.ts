import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInvoicingOverlay } from '../../content/invoicing/main';
import { guardAsync } from '../../content/shared/guard';

/**
 * The invoicing overlay. Static matches: self-hosted invoicing tools on localhost/127.0.0.1 (any
 * port). Hosts the user adds are registered at runtime by the options page with this same file,
 * `content-scripts/invoicing.js`.
 */
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Registered twice (static + a user-added pattern)? One overlay per page.
    const flag = globalThis as { __relanceInvoicingOverlay?: boolean };
    if (flag.__relanceInvoicingOverlay) return;
    flag.__relanceInvoicingOverlay = true;
    void guardAsync('invoicing.start', () =>
      startInvoicingOverlay({ onInvalidated: (stop) => ctx.onInvalidated(stop) }),
    );
  },
});
