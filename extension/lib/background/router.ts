import type { Browser, browser as wxtBrowser } from 'wxt/browser';
import {
  type AnyRequest,
  type Envelope,
  type MessageType,
  PAGE_ONLY_MESSAGES,
  type RequestOf,
  type ResponseOf,
} from '../messages';
import { UserError } from '../userError';

export type Sender = Pick<Browser.runtime.MessageSender, 'url' | 'tab' | 'id'>;

export type Handlers = {
  [K in MessageType]: (request: RequestOf<K>, sender: Sender) => Promise<ResponseOf<K>>;
};

/**
 * Dispatches a message to its handler and wraps the answer in an envelope (errors included: a
 * thrown error must reach the content script as data, not vanish in the messaging layer).
 * `extensionOrigin` is `browser.runtime.getURL('')`: messages from our own pages come from there.
 */
export function createRouter(handlers: Handlers, extensionOrigin: string) {
  return async (message: unknown, sender: Sender): Promise<Envelope<unknown>> => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
      return { ok: false, error: { code: 'unknown-message', message: `unknown message ${String(type)}` } };
    }
    const request = message as AnyRequest;
    if (PAGE_ONLY_MESSAGES.has(request.type) && !sender.url?.startsWith(extensionOrigin)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: `${request.type} is for the extension's pages` },
      };
    }
    try {
      const handler = handlers[request.type] as (r: AnyRequest, s: Sender) => Promise<unknown>;
      return { ok: true, value: await handler(request, sender) };
    } catch (error) {
      if (error instanceof UserError)
        return { ok: false, error: { code: error.code, message: error.message } };
      console.error(`[relance] ${request.type} failed`, error);
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: text } };
    }
  };
}

/** Answers runtime messages with the router (sendResponse + `return true` works in Chrome and Firefox). */
export function listenForMessages(browser: typeof wxtBrowser, route: ReturnType<typeof createRouter>) {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });
}
