// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { gmailAdapter } from '../adapters/gmail';
import { loadFixture, mouseClick, pressKeys, typeRecipient } from '../testing/fixturePage';
import { ComposeWatcher } from './composeWatcher';
import { SEND_CONFIRM_MS, SendDetector, type SentMessage } from './sendDetector';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

/** The watcher and the detector as the overlay wires them, flushed by hand. */
function wire() {
  let now = 1_000_000;
  const events: string[] = [];
  const sent: SentMessage[] = [];
  const watcher: ComposeWatcher = new ComposeWatcher({
    doc: document,
    adapter: gmailAdapter,
    batcher: () => () => {},
    onOpened: () => events.push('opened'),
    onChanged: () => events.push('changed'),
    onClosed: (root) => {
      events.push('closed');
      detector.closed(root);
    },
  });
  const detector: SendDetector = new SendDetector({
    doc: document,
    adapter: gmailAdapter,
    roots: () => watcher.roots(),
    recheck: () => watcher.flush(),
    onSent: (_root, message) => sent.push(message),
    now: () => now,
  });
  watcher.start();
  detector.start();
  stop = () => {
    watcher.stop();
    detector.stop();
  };
  return {
    watcher,
    events,
    sent,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('compose watcher', () => {
  it('reports each compose window once when it opens, its changes, and its closing', () => {
    const page = loadFixture('gmail.fr');
    const { watcher, events } = wire();
    watcher.flush();
    expect(events).toEqual([]);
    const compose = page.openCompose();
    watcher.flush();
    watcher.flush();
    expect(events).toEqual(['opened']);
    typeRecipient(compose.querySelector<HTMLElement>('[data-field="to"]')!, 'a@b.fr');
    // Records are delivered as a microtask; the batcher is replaced by explicit flushes here.
    return Promise.resolve().then(() => {
      watcher.flush();
      expect(events).toEqual(['opened', 'changed']);
      compose.remove();
      watcher.flush();
      expect(events).toEqual(['opened', 'changed', 'closed']);
    });
  });
});

describe('send detector', () => {
  it('confirms a send when the window closes after the send button (Gmail acts on mouseup)', () => {
    const page = loadFixture('gmail.fr');
    const { watcher, sent } = wire();
    const compose = page.openCompose();
    typeRecipient(compose.querySelector<HTMLElement>('[data-field="to"]')!, 'compta@acme.fr');
    compose.querySelector<HTMLInputElement>('input[name="subjectbox"]')!.value = 'Rappel';
    watcher.flush();
    mouseClick(compose.querySelector('.aoO .T-I-J3, .aoO')!);
    expect(compose.isConnected).toBe(false);
    watcher.flush();
    expect(sent).toEqual([{ subject: 'Rappel', recipients: [{ email: 'compta@acme.fr', field: 'to' }] }]);
  });

  it('takes Enter on the focused send button and Ctrl/Cmd+Enter in the window as a send', () => {
    const page = loadFixture('gmail.en');
    const { watcher, sent } = wire();
    for (const press of [
      (c: HTMLElement) => pressKeys(c.querySelector('.aoO')!, 'Enter'),
      (c: HTMLElement) => pressKeys(c.querySelector('[g_editable]')!, 'Enter', { metaKey: true }),
    ]) {
      const compose = page.openCompose();
      typeRecipient(compose.querySelector<HTMLElement>('[data-field="to"]')!, 'compta@acme.fr');
      watcher.flush();
      press(compose);
      watcher.flush();
    }
    expect(sent).toHaveLength(2);
  });

  it('logs nothing for a discard, a close, or a window that outlives its send by far', () => {
    const page = loadFixture('gmail.fr');
    const { watcher, sent, advance } = wire();
    const open = () => {
      const compose = page.openCompose();
      typeRecipient(compose.querySelector<HTMLElement>('[data-field="to"]')!, 'compta@acme.fr');
      watcher.flush();
      return compose;
    };
    mouseClick(open().querySelector('.og')!);
    watcher.flush();
    pressKeys(open().querySelector('[g_editable]')!, 'D', { ctrlKey: true, shiftKey: true });
    watcher.flush();
    mouseClick(open().querySelector('.Ha')!);
    watcher.flush();
    // A send the webmail kept waiting (offline...), then the person closed the window much later.
    const slow = open();
    slow.querySelector('.aoO')!.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
    advance(SEND_CONFIRM_MS + 1);
    slow.remove();
    watcher.flush();
    expect(sent).toEqual([]);
    expect(page.discarded).toBe(2);
  });
});
