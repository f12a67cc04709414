import { browser as wxtBrowser } from 'wxt/browser';
import type { DashboardAccess } from '../messages';

/**
 * One click from the options page to the team's dashboard, signed in. The dashboard signs in by a
 * token pasted into its own sign-in form (a same-origin POST that sets an HttpOnly, SameSite=Strict
 * cookie); this does exactly that for the person: it opens the sign-in page in a new tab and, once
 * the page is there, types the token into that form and submits it, from a script injected into
 * that tab only. The dashboard's own rules stay whole: the post comes from the dashboard's page,
 * the cookie is set the usual way, and the token goes nowhere but the server that issued it.
 */
export type DashboardOpened =
  /** The token was typed into the sign-in form and sent. */
  | 'signed-in'
  /** The dashboard opened on a page other than its sign-in form: this browser was signed in already. */
  | 'already-signed-in'
  /** The sign-in page opened, but could not be filled (no permission for the server, timeout...). */
  | 'opened';

export interface DashboardOpener {
  open(serverUrl: string, access: () => Promise<DashboardAccess>): Promise<DashboardOpened>;
}

/** What `fillSignInForm` found in the tab. */
type FillResult = 'filled' | 'signed-in' | 'elsewhere';

/**
 * Runs inside the dashboard's tab (serialised by `scripting.executeScript`: it must use nothing
 * from outside). Checks where the tab is before touching anything: the token is only ever typed
 * into the sign-in form of the dashboard it belongs to.
 */
export function fillSignInForm(token: string, dashboardUrl: string): FillResult {
  const expected = new URL(dashboardUrl);
  const here = window.location;
  const base = expected.pathname.replace(/\/+$/, '');
  if (here.origin !== expected.origin || !(here.pathname === base || here.pathname.startsWith(`${base}/`))) {
    return 'elsewhere';
  }
  if (here.pathname !== `${base}/sign-in`) return 'signed-in';
  const input = document.querySelector<HTMLInputElement>('form input[name="token"]');
  if (!input?.form) return 'elsewhere';
  input.value = token;
  input.form.requestSubmit();
  return 'filled';
}

/** The match pattern of a server's origin (patterns take no port). */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export function browserDashboardOpener(
  browser: typeof wxtBrowser = wxtBrowser,
  options: { timeoutMs?: number; pollMs?: number } = {},
): DashboardOpener {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const pollMs = options.pollMs ?? 150;
  return {
    async open(serverUrl, access) {
      // First thing in the click: browsers ask for a permission only during a user gesture. The
      // server's origin is needed to type into its page (granted already for localhost).
      const granted = await browser.permissions
        .request({ origins: [originPattern(serverUrl)] })
        .catch(() => false);
      const { url, token } = await access();
      const tab = await browser.tabs.create({ url: `${url}/sign-in` });
      if (!granted || tab.id === undefined) return 'opened';
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const current = await browser.tabs.get(tab.id).catch(() => undefined);
        if (!current) return 'opened'; // closed meanwhile
        if (current.status === 'complete') {
          const [injection] = await browser.scripting
            .executeScript({ target: { tabId: tab.id }, func: fillSignInForm, args: [token, url] })
            .catch(() => []);
          const result = injection?.result as FillResult | undefined;
          if (result === 'filled') return 'signed-in';
          if (result === 'signed-in') return 'already-signed-in';
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      return 'opened';
    },
  };
}
