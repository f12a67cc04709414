// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserDashboardOpener, fillSignInForm, originPattern } from './dashboard';

const DASHBOARD = 'http://127.0.0.1:8787/dashboard';
const TOKEN = 'tok_lead_0123456789';

/** The dashboard's sign-in form as the server renders it, at `url`; submitted posts are recorded. */
function signInPage(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = `
    <form method="post" action="/dashboard/sign-in" class="sign-in">
      <input id="token" name="token" type="password" required>
      <button type="submit">Se connecter</button>
    </form>`;
  const posted: string[] = [];
  document.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    posted.push(String(new FormData(event.target as HTMLFormElement).get('token')));
  });
  return posted;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('typing the token into the dashboard sign-in form', () => {
  it("fills and submits the form of the token's own dashboard only", () => {
    const posted = signInPage(`${DASHBOARD}/sign-in`);
    expect(fillSignInForm(TOKEN, DASHBOARD)).toBe('filled');
    expect(posted).toEqual([TOKEN]);
  });

  it('leaves any other page alone: another origin, another path, another port', () => {
    for (const url of [
      'http://evil.example/dashboard/sign-in',
      'http://127.0.0.1:9999/dashboard/sign-in',
      'http://127.0.0.1:8787/dashboard-fake/sign-in',
      'http://127.0.0.1:8787/other/sign-in',
      'about:blank',
    ]) {
      const posted = signInPage(url);
      expect(fillSignInForm(TOKEN, DASHBOARD), url).toBe('elsewhere');
      expect(posted).toEqual([]);
      expect(document.querySelector<HTMLInputElement>('#token')!.value).toBe('');
    }
  });

  it('says signed in already when the dashboard went past its sign-in page', () => {
    const posted = signInPage(`${DASHBOARD}?lang=fr`);
    expect(fillSignInForm(TOKEN, DASHBOARD)).toBe('signed-in');
    expect(posted).toEqual([]);
  });

  it('match patterns carry no port', () => {
    expect(originPattern('http://127.0.0.1:8787/dashboard')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://relance.example.com/equipe/dashboard')).toBe(
      'https://relance.example.com/*',
    );
  });
});

describe('opening the dashboard signed in', () => {
  function fakeTabs(options: { granted: boolean; results: string[] }) {
    const request = vi
      .spyOn(fakeBrowser.permissions, 'request')
      .mockImplementation((async () => options.granted) as typeof fakeBrowser.permissions.request);
    const results = [...options.results];
    const inject = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockImplementation((async () => [
        { frameId: 0, documentId: 'd', result: results.shift() ?? 'elsewhere' },
      ]) as unknown as typeof fakeBrowser.scripting.executeScript);
    // The new tab loads first, then is complete (the fake browser's tabs have no status).
    let looked = 0;
    const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => ({
      ...(await get(id)),
      status: looked++ === 0 ? 'loading' : 'complete',
    })) as unknown as typeof fakeBrowser.tabs.get);
    return { request, inject };
  }

  it('asks for the server origin first, opens the sign-in page, types the token when the page is there', async () => {
    const { request, inject } = fakeTabs({ granted: true, results: ['elsewhere', 'filled'] });
    const access = vi.fn(async () => ({ url: DASHBOARD, token: TOKEN }));
    const opened = await browserDashboardOpener(fakeBrowser, { pollMs: 1 }).open(
      'http://127.0.0.1:8787',
      access,
    );
    expect(opened).toBe('signed-in');
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(request.mock.invocationCallOrder[0]!).toBeLessThan(access.mock.invocationCallOrder[0]!);
    const tabs = await fakeBrowser.tabs.query({});
    const tab = tabs.find((t) => t.url === `${DASHBOARD}/sign-in`);
    expect(tab).toBeDefined();
    // Complete but not the sign-in page yet (about:blank, a redirect): tried again until the form was there.
    expect(inject).toHaveBeenCalledTimes(2);
    expect(inject).toHaveBeenLastCalledWith({
      target: { tabId: tab!.id },
      func: fillSignInForm,
      args: [TOKEN, DASHBOARD],
    });
  });

  it('only opens the page when the permission is refused, and gives up on a page that never comes', async () => {
    const refused = fakeTabs({ granted: false, results: [] });
    const opener = browserDashboardOpener(fakeBrowser, { pollMs: 1, timeoutMs: 50 });
    const access = async () => ({ url: DASHBOARD, token: TOKEN });
    expect(await opener.open('http://127.0.0.1:8787', access)).toBe('opened');
    expect(refused.inject).not.toHaveBeenCalled();
    vi.restoreAllMocks();

    const never = fakeTabs({ granted: true, results: [] });
    expect(await opener.open('http://127.0.0.1:8787', access)).toBe('opened');
    expect(never.inject).toHaveBeenCalled();

    vi.restoreAllMocks();
    fakeTabs({ granted: true, results: ['signed-in'] });
    expect(await opener.open('http://127.0.0.1:8787', access)).toBe('already-signed-in');
  });
});
