import type { Language } from '@relance/shared';
import { browser } from 'wxt/browser';
import { type Send, sendMessage } from '../../lib/messages';
import { guard } from '../shared/guard';
import { browserLanguage } from '../shared/language';
import { adapterForHost } from './adapters';
import { WebmailOverlay } from './overlay';
import { importWebmailUi, UI_FILE } from './uiLoader';

export interface WebmailOverlayStart {
  doc?: Document;
  send?: Send;
  /** Called when the extension is reloaded or removed: everything stops. */
  onInvalidated?: (stop: () => void) => void;
}

/**
 * The panel speaks the webmail's own language (`<html lang>`: the person chose it in Gmail or
 * Outlook), else the browser's.
 */
export function webmailLanguage(doc: Document): Language {
  const lang = doc.documentElement.getAttribute('lang')?.trim();
  return browserLanguage({ language: lang || globalThis.navigator?.language });
}

/** Starts the overlay on a Gmail or Outlook page; on any other page does nothing and returns null. */
export function startWebmailOverlay(options: WebmailOverlayStart = {}): WebmailOverlay | null {
  const doc = options.doc ?? document;
  const adapter = adapterForHost(doc.location?.host ?? '');
  if (!adapter) return null;
  const overlay = new WebmailOverlay({
    doc,
    adapter,
    send: options.send ?? sendMessage,
    lang: webmailLanguage(doc),
    loadUi: () => importWebmailUi(browser.runtime.getURL(UI_FILE as '/')),
  });
  overlay.start();
  options.onInvalidated?.(guard('webmail.stop', () => overlay.stop()));
  return overlay;
}
