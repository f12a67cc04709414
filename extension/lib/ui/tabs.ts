import { browser as wxtBrowser } from 'wxt/browser';
import { type PageReport, TAB_MESSAGES, type TabMessage } from '../messages';

/** The browser tabs the popup acts on (injected: tests pass a fake browser). */
export interface PageTabs {
  /** The tab the popup was opened over; its address only when the browser lets us see it. */
  active(): Promise<{ id: number; url?: string } | undefined>;
  /** Delivers a message to the tab's content scripts; rejects when none listens there. */
  send(tabId: number, message: TabMessage): Promise<void>;
  /** Opens the options page at its sites section, with a site ready to add. */
  openSitesOptions(site?: string): Promise<void>;
  /** What the invoicing overlay recognised in the tab; undefined when no overlay runs there. */
  report?(tabId: number): Promise<PageReport | undefined>;
}

export function browserTabs(browser: typeof wxtBrowser = wxtBrowser): PageTabs {
  return {
    async active() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return undefined;
      return { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
    },
    async send(tabId, message) {
      await browser.tabs.sendMessage(tabId, message);
    },
    async report(tabId) {
      try {
        return (await browser.tabs.sendMessage(tabId, { type: TAB_MESSAGES.pageReport })) as
          | PageReport
          | undefined;
      } catch {
        return undefined; // no overlay in this tab
      }
    },
    async openSitesOptions(site) {
      const query = site ? `?${new URLSearchParams({ site })}` : '';
      await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${query}#sites` });
    },
  };
}
