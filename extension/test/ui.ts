import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { createHandlers } from '../lib/background/handlers';
import { createRouter } from '../lib/background/router';
import type { AnyRequest, ResponseOf, Send } from '../lib/messages';
import { SyncEngine } from '../lib/sync/engine';
import { fakeSiteApis } from './fakeSites';
import { freshDb, testClock } from './helpers';

/** The real background (handlers + router) in-process, answering as to an extension page. */
export function inProcessBackground(options: { now?: number; fetch?: typeof fetch } = {}) {
  const db = freshDb();
  const clock = testClock(options.now ?? Date.now());
  const sites = fakeSiteApis();
  const route = createRouter(
    createHandlers({
      db,
      engine: new SyncEngine({ db, now: clock.now }),
      fetch: options.fetch ?? (() => Promise.reject(new TypeError('fetch failed'))),
      now: clock.now,
      sites: sites.apis,
      requestSync: () => {},
    }),
    'chrome-extension://test/',
  );
  const send: Send = async <R extends AnyRequest>(request: R) => {
    const envelope = await route(request, { url: 'chrome-extension://test/options.html' });
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
    return envelope.value as ResponseOf<R['type']>;
  };
  return { db, clock, sites, send };
}

export function mount(ui: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  act(() => render(ui, root));
  return root;
}

/** Waits until `check` passes (renders are async: messages, effects). */
export async function waitFor<T>(check: () => T, timeoutMs = 3_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      if (Date.now() > end) throw error;
    }
    if (Date.now() > end) throw new Error('waitFor: condition not met');
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

export function text(root: Element): string {
  return (root.textContent ?? '').replace(/[\u202f\u00a0]/g, ' ');
}

export async function type(input: Element | null, value: string) {
  if (!input) throw new Error('no such field');
  await act(() => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(select: Element | null, value: string) {
  if (!select) throw new Error('no such select');
  await act(() => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(element: Element | null | undefined) {
  if (!element) throw new Error('nothing to click');
  await act(() => {
    (element as HTMLElement).click();
  });
}

export function button(root: Element, label: string | RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) =>
    typeof label === 'string' ? b.textContent?.trim() === label : label.test(b.textContent ?? ''),
  );
}
