import type { browser as wxtBrowser } from 'wxt/browser';
import { TAB_MESSAGES } from '../messages';

type Tabs = Pick<typeof wxtBrowser.tabs, 'query' | 'sendMessage'>;

/**
 * Asks the overlays open in the browser's tabs to ask for their badges' policy again (after a
 * sync brought a teammate's reminder, say), without waiting for the person to come back to the tab.
 * Every tab is asked: without the "tabs" permission their addresses are hidden, and a tab where no
 * overlay runs simply has no receiver, which is not an error here.
 */
export async function refreshOverlayTabs(tabs: Tabs): Promise<number> {
  const open = await tabs.query({});
  const sent = await Promise.allSettled(
    open.flatMap((tab) =>
      tab.id === undefined ? [] : [tabs.sendMessage(tab.id, { type: TAB_MESSAGES.refresh })],
    ),
  );
  return sent.filter((result) => result.status === 'fulfilled').length;
}
