import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import type { WebmailAdapter } from './types';

export const WEBMAIL_ADAPTERS: readonly WebmailAdapter[] = [gmailAdapter, outlookAdapter];

/** The adapter for a host, or null: on any other page the webmail overlay does nothing. */
export function adapterForHost(host: string): WebmailAdapter | null {
  return WEBMAIL_ADAPTERS.find((adapter) => adapter.handles(host)) ?? null;
}
