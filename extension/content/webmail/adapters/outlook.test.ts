// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture, typeRecipient } from '../testing/fixturePage';
import { outlookAdapter as adapter } from './outlook';

/**
 * The newer Outlook generation (outlook-v9.* fixtures): chips inside the To field's own editable
 * element, Cc/Bcc chips as buttons carrying the address in their accessible name, Fluent v9 plain
 * buttons named by icon, by class or only by label, the popped-out window, inline reply, forward.
 */
const LANGS = ['fr', 'en'] as const;

function wells(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-fixture="well-input"]'));
}

function buttons(root: Element) {
  const all = Array.from(root.querySelectorAll<HTMLElement>('button, [role="button"]'));
  return {
    send: all.filter((b) => adapter.isSendControl(b, root)),
    discard: all.filter((b) => adapter.isDiscardControl(b, root)),
  };
}

describe.each(LANGS)('Outlook, Fluent v9 (%s)', (lang) => {
  const name = `outlook-v9.${lang}` as const;

  it('reads chips inside the To field and beside-the-text chips in Cc and Bcc, each in its field', () => {
    const page = loadFixture(name);
    const compose = page.openCompose();
    expect(adapter.findComposeRoots(document)).toEqual([compose]);
    const [to, cc, bcc] = wells(compose);
    // Still being typed: not a recipient yet.
    to!.append(document.createTextNode('compta@pharmacie'));
    expect(adapter.recipients(compose)).toEqual([]);
    to!.textContent = '';
    typeRecipient(to!, 'Compta@Pharmacie-Centre.fr');
    typeRecipient(to!, 'direction@pharmacie-centre.fr');
    typeRecipient(cc!, 'expert@cabinet-comptable.fr');
    typeRecipient(bcc!, 'archive@atelier-dupont.fr');
    // The chips are inside the editable field itself.
    expect(to!.querySelectorAll('[data-fixture="chip"]')).toHaveLength(2);
    expect(adapter.recipients(compose)).toEqual([
      { email: 'compta@pharmacie-centre.fr', field: 'to' },
      { email: 'direction@pharmacie-centre.fr', field: 'to' },
      { email: 'expert@cabinet-comptable.fr', field: 'cc' },
      { email: 'archive@atelier-dupont.fr', field: 'bcc' },
    ]);
    expect(adapter.subject(compose)?.getAttribute('data-fixture')).toBe('subject');
    expect(adapter.problems(compose)).toEqual([]);
  });

  it('tells send and discard by icon name, by icon class or by label alone; the menu arrow does not send', () => {
    const page = loadFixture(name);
    const compose = page.openCompose();
    const reply = page.openReply();
    const forward = page.openForward!();
    for (const root of [compose, reply, forward]) {
      const found = buttons(root);
      expect(found.send.map((b) => b.getAttribute('data-fixture'))).toEqual(['send']);
      expect(found.discard.map((b) => b.getAttribute('data-fixture'))).toEqual(['discard']);
      // A click on the icon inside counts as a click on the button.
      expect(adapter.isSendControl(found.send[0]!.querySelector('svg') ?? found.send[0]!, root)).toBe(true);
    }
    const arrow = compose.querySelector<HTMLElement>('[aria-haspopup="menu"]')!;
    expect(adapter.isSendControl(arrow, compose)).toBe(false);
  });

  it('reads the reply\'s "Name <address>" chip and the forward\'s empty To, each window on its own', () => {
    const page = loadFixture(name);
    const reply = page.openReply();
    const forward = page.openForward!();
    const roots = adapter.findComposeRoots(document);
    expect(roots).toHaveLength(2);
    const replyRoot = roots.find((r) => reply.contains(r) || r === reply)!;
    const forwardRoot = roots.find((r) => forward.contains(r) || r === forward)!;
    expect(adapter.recipients(replyRoot)).toEqual([{ email: 'compta@pharmacie-centre.fr', field: 'to' }]);
    // The quoted sender inside the forward's body is not a recipient.
    expect(adapter.recipients(forwardRoot)).toEqual([]);
    typeRecipient(wells(forwardRoot)[0]!, 'compta@pharmacie-centre.fr');
    expect(adapter.recipients(forwardRoot)).toEqual([{ email: 'compta@pharmacie-centre.fr', field: 'to' }]);
    expect(adapter.body(forwardRoot)!.textContent).toContain('FA2603-0103');
  });

  it('finds the popped-out window, alone on its page', () => {
    const page = loadFixture(name);
    const popout = page.openPopout!();
    expect(adapter.findComposeRoots(document)).toEqual([popout]);
    typeRecipient(wells(popout)[0]!, 'compta@pharmacie-centre.fr');
    expect(adapter.recipients(popout)).toEqual([{ email: 'compta@pharmacie-centre.fr', field: 'to' }]);
    const slot = adapter.panelSlot(popout)!;
    expect(slot.parent.closest('[contenteditable="true"]')).toBeNull();
  });

  it('names what is missing when the structure changes (health report)', () => {
    const page = loadFixture(name);
    const compose = page.openCompose();
    const send = compose.querySelector('[data-fixture="send"]')!;
    send.removeAttribute('title');
    send.querySelector('svg')!.removeAttribute('data-icon-name');
    for (const well of wells(compose)) well.removeAttribute('contenteditable');
    // Still a compose window (a body under a subject), but neither part is recognised.
    const [root] = adapter.findComposeRoots(document);
    expect(root).toBeDefined();
    expect(adapter.problems(root!)).toEqual(['recipients', 'send']);
  });
});

describe('Outlook markup seen elsewhere', () => {
  it('reads the field from a longer accessible name or a label, and a v8 font icon by class', () => {
    document.body.innerHTML = `
      <div id="c">
        <div role="toolbar"><button type="button"><i class="ms-Icon ms-Icon--Send"></i></button></div>
        <span id="lbl-bcc">Cci</span>
        <div contenteditable="true" aria-label="Bcc recipients"><span contenteditable="false" data-lpc-hover-target-id="x" title="a@exemple.fr">A</span></div>
        <div contenteditable="true" aria-labelledby="lbl-bcc"><button type="button" aria-label="B b@exemple.fr">B</button></div>
        <input type="text" aria-label="Objet">
        <div contenteditable="true" aria-multiline="true"></div>
      </div>`;
    const root = document.getElementById('c')!;
    expect(adapter.findComposeRoots(document)).toEqual([root]);
    expect(adapter.recipients(root)).toEqual([
      { email: 'a@exemple.fr', field: 'bcc' },
      { email: 'b@exemple.fr', field: 'bcc' },
    ]);
    expect(adapter.isSendControl(root.querySelector('i')!, root)).toBe(true);
  });
});
