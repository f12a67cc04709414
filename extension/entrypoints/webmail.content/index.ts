import { defineContentScript } from 'wxt/utils/define-content-script';
import { guard } from '../../content/shared/guard';
import { startWebmailOverlay } from '../../content/webmail/main';

/**
 * The webmail overlay: Gmail and Outlook on the web. The compose panel, the reminder insertion and
 * the sent detection; on any other page of these hosts (settings, calendar) it stays quiet.
 */
export default defineContentScript({
  matches: [
    'https://mail.google.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    const flag = globalThis as { __relanceWebmailOverlay?: boolean };
    if (flag.__relanceWebmailOverlay) return;
    flag.__relanceWebmailOverlay = true;
    guard('webmail.start', () => startWebmailOverlay({ onInvalidated: (stop) => ctx.onInvalidated(stop) }))();
  },
});
