import { defineConfig } from 'wxt';
import { zodWithoutEval } from './scripts/zodWithoutEval';

// Drawn by scripts/make-icons.mjs; the same files serve the toolbar and the stores.
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// The extension's sources live in extension/; this file stays at the root (the user's layout).
export default defineConfig({
  srcDir: 'extension',
  // WXT looks for public/ at the root by default; the locales live in extension/public.
  publicDir: 'extension/public',
  outDir: '.output',
  vite: () => ({ plugins: [zodWithoutEval()] }),
  manifest: ({ browser }) => ({
    name: 'Relance',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    icons: ICONS,
    action: { default_icon: ICONS, default_title: 'Relance' },
    // activeTab: the popup's "Teach this site" sees the address of the tab it was opened over
    // (to offer adding that site), only after the person clicked the toolbar button.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // Sites the user adds are asked for at that moment, never <all_urls> up front.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    // The invoicing overlay's panels, loaded by its content script on first use (uiLoader.ts), on
    // whatever site the user added: any http(s) page may be one.
    // The webmail overlay's address line and health outline (content/webmail/uiLoader.ts): only
    // on the webmail hosts its content script runs on (entrypoints/webmail.content).
    web_accessible_resources: [
      { resources: ['invoicing-ui.js'], matches: ['http://*/*', 'https://*/*'] },
      {
        resources: ['webmail-ui.js'],
        matches: [
          'https://mail.google.com/*',
          'https://outlook.office.com/*',
          'https://outlook.office365.com/*',
          'https://outlook.live.com/*',
        ],
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'relance@relance.app',
              // 140: the first Firefox with built-in data collection consent (142 on Android).
              strict_min_version: '140.0',
              // Alone on a browser nothing leaves it. Syncing with a team sends invoices, clients
              // and notes to the team's own server: asked when the person connects (options page).
              data_collection_permissions: {
                required: ['none'],
                optional: ['personallyIdentifyingInfo', 'financialAndPaymentInfo', 'websiteContent'],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
