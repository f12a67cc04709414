// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { type FixtureName, loadFixture, typeRecipient } from '../testing/fixturePage';
import { addressesIn, asAddress } from './addresses';
import { gmailAdapter } from './gmail';
import { adapterForHost } from './index';
import { outlookAdapter } from './outlook';
import type { WebmailAdapter } from './types';

const CASES: [FixtureName, WebmailAdapter][] = [
  ['gmail.fr', gmailAdapter],
  ['gmail.en', gmailAdapter],
  ['outlook.fr', outlookAdapter],
  ['outlook.en', outlookAdapter],
];

function recipientField(root: Element, index: number): HTMLElement {
  return root.querySelectorAll<HTMLElement>('[data-field], [data-fixture="well-input"]')[index]!;
}

describe('addresses', () => {
  it('reads bare, named and listed addresses, lower-cased', () => {
    expect(addressesIn('Jean <Jean.Dupont@Acme.fr>; b@x.co.uk, not-an-address')).toEqual([
      'jean.dupont@acme.fr',
      'b@x.co.uk',
    ]);
    expect(asAddress(' compta@acme.fr ')).toBe('compta@acme.fr');
    expect(asAddress('Compta <compta@acme.fr>')).toBeNull();
    expect(asAddress('123456789')).toBeNull();
  });
});

describe('adapterForHost', () => {
  it('knows the webmail hosts and nothing else', () => {
    expect(adapterForHost('mail.google.com')).toBe(gmailAdapter);
    for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']) {
      expect(adapterForHost(host)).toBe(outlookAdapter);
    }
    expect(adapterForHost('calendar.google.com')).toBeNull();
    expect(adapterForHost('example.com')).toBeNull();
  });
});

describe.each(CASES)('%s', (name, adapter) => {
  it('finds no compose window on the inbox', () => {
    loadFixture(name);
    expect(adapter.findComposeRoots(document)).toEqual([]);
  });

  it('finds a new message and reads its recipients, subject and body', () => {
    const page = loadFixture(name);
    const compose = page.openCompose();
    const roots = adapter.findComposeRoots(document);
    expect(roots).toEqual([compose]);
    const root = roots[0]!;
    expect(adapter.recipients(root)).toEqual([]);

    typeRecipient(recipientField(root, 0), 'Compta@Pharmacie-Centre.fr');
    typeRecipient(recipientField(root, 0), 'direction@pharmacie-centre.fr');
    typeRecipient(recipientField(root, 1), 'expert@cabinet-comptable.fr');
    expect(adapter.recipients(root)).toEqual([
      { email: 'compta@pharmacie-centre.fr', field: 'to' },
      { email: 'direction@pharmacie-centre.fr', field: 'to' },
      { email: 'expert@cabinet-comptable.fr', field: 'cc' },
    ]);

    const subject = adapter.subject(root)!;
    expect(subject).not.toBeNull();
    expect(subject.value).toBe('');
    const body = adapter.body(root)!;
    expect(body.getAttribute('contenteditable')).toBe('true');
    expect(root.contains(body)).toBe(true);
    // The sender's own address (the from field) is never a recipient.
    expect(adapter.recipients(root).map((r) => r.email)).not.toContain('marie@atelier-dupont.fr');
  });

  it('finds the inline reply with the sender as recipient, and a popup beside it', () => {
    const page = loadFixture(name);
    const reply = page.openReply();
    const popup = page.openCompose();
    const roots = adapter.findComposeRoots(document);
    expect(roots).toHaveLength(2);
    // A root is the compose window or the block inside it holding subject, recipients, body and send.
    const replyRoot = roots.find((root) => reply.contains(root))!;
    const popupRoot = roots.find((root) => popup.contains(root))!;
    expect(replyRoot).toBeDefined();
    expect(popupRoot).toBeDefined();
    expect(adapter.recipients(replyRoot)).toEqual([{ email: 'compta@pharmacie-centre.fr', field: 'to' }]);
    // The quoted message stays inside the reply's body; the thread's sender is not the popup's recipient.
    expect(adapter.recipients(popupRoot)).toEqual([]);
    expect(adapter.body(replyRoot)!.textContent).toContain('FA2603-0103');
  });

  it('tells the send and discard buttons from the others, without reading labels', () => {
    const page = loadFixture(name);
    const root = page.openCompose();
    const buttons = Array.from(root.querySelectorAll<HTMLElement>('[role="button"], button'));
    const send = buttons.filter((b) => adapter.isSendControl(b, root));
    const discard = buttons.filter((b) => adapter.isDiscardControl(b, root));
    expect(send).toHaveLength(1);
    expect(discard).toHaveLength(1);
    expect(send[0]).not.toBe(discard[0]);
    // A click on the icon or label inside the button counts as a click on the button.
    const inner = send[0]!.querySelector('*');
    if (inner) expect(adapter.isSendControl(inner, root)).toBe(true);
    // The arrow of the split send button opens a menu: it does not send.
    const menu = root.querySelector<HTMLElement>('[aria-haspopup="true"]')!;
    expect(adapter.isSendControl(menu, root)).toBe(false);
    expect(adapter.isSendControl(adapter.body(root)!, root)).toBe(false);
  });

  it('places the panel above the editor, outside anything editable', () => {
    const page = loadFixture(name);
    const root = page.openCompose();
    const slot = adapter.panelSlot(root)!;
    expect(root.contains(slot.parent)).toBe(true);
    expect(slot.parent.closest('[contenteditable="true"]')).toBeNull();
    expect(slot.before?.contains(adapter.body(root)!)).toBe(true);
  });
});

describe('structure, not words', () => {
  it('reads the French and the English page alike', () => {
    for (const [fr, en, adapter] of [
      ['gmail.fr', 'gmail.en', gmailAdapter],
      ['outlook.fr', 'outlook.en', outlookAdapter],
    ] as const) {
      const read = (name: FixtureName) => {
        const page = loadFixture(name);
        page.openReply();
        const [root] = adapter.findComposeRoots(document);
        return { recipients: adapter.recipients(root!), hasBody: !!adapter.body(root!) };
      };
      expect(read(fr)).toEqual(read(en));
    }
  });

  it('stays quiet on an editor that is not a compose window (no subject, no send button)', () => {
    loadFixture('gmail.fr');
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div class="chat"><div contenteditable="true" role="textbox" aria-multiline="true"></div></div>',
    );
    expect(gmailAdapter.findComposeRoots(document)).toEqual([]);
    loadFixture('outlook.fr');
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div role="complementary"><div contenteditable="true" aria-multiline="true"></div></div>',
    );
    expect(outlookAdapter.findComposeRoots(document)).toEqual([]);
  });
});
