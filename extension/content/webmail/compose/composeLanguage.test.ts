// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { composeLanguage } from './composeLanguage';

function compose(html: string, lang?: string): Element {
  if (lang) document.documentElement.setAttribute('lang', lang);
  else document.documentElement.removeAttribute('lang');
  document.body.innerHTML = `<div id="compose">${html}</div>`;
  return document.getElementById('compose')!;
}

describe('composeLanguage', () => {
  it("takes the window's own lang, else the page's", () => {
    expect(composeLanguage(compose('<div lang="en-GB"><b id="x"></b></div>', 'fr'))).toBe('fr');
    const inner = compose('<div lang="en-GB" id="inner"></div>', 'fr').querySelector('#inner')!;
    expect(composeLanguage(inner)).toBe('en');
    expect(composeLanguage(compose('', 'en-US'))).toBe('en');
  });

  it('else reads the words of its controls, and says nothing when they do not tell', () => {
    expect(
      composeLanguage(compose('<button aria-label="Send"></button><input placeholder="Add a subject">')),
    ).toBe('en');
    expect(
      composeLanguage(
        compose(
          '<button title="Envoyer (Ctrl+Entrée)"></button><div contenteditable="true" aria-label="À"></div>',
        ),
      ),
    ).toBe('fr');
    expect(composeLanguage(compose('<button aria-label="Senden"></button>', 'de'))).toBeNull();
  });
});
