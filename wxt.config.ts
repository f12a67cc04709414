import { defineConfig } from 'wxt';

// The extension's sources live in extension/; this file stays at the root (the user's layout).
export default defineConfig({
  srcDir: 'extension',
  // WXT looks for public/ at the root by default; the locales live in extension/public.
  publicDir: 'extension/public',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: 'Relance',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // activeTab: the popup's "Teach this site" sees the address of the tab it was opened over
    // (to offer adding that site), only after the person clicked the toolbar button.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // Sites the user adds are asked for at that moment, never <all_urls> up front.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    // The invoicing overlay's panels, loaded by its content script on first use (uiLoader.ts), on
    // whatever site the user added: any http(s) page may be one.
    web_accessible_resources: [{ resources: ['invoicing-ui.js'], matches: ['http://*/*', 'https://*/*'] }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'relance@relance.app', strict_min_version: '128.0' } } }
      : {}),
  }),
});
