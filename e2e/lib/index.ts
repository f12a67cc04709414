// Helpers for the e2e tests: a Chromium with the built extension, and its background.
export { askBackground, BackgroundError, configureServer, joinTeam, syncNow } from './background';
export {
  CHROMIUM_ARGS,
  chromiumPath,
  type ExtensionBrowser,
  type LaunchOptions,
  launchBrowserWithExtension,
} from './browser';
export { buildExtensionIfStale, extensionBuildIsStale } from './build';
export { CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR, REPO_ROOT } from './paths';
