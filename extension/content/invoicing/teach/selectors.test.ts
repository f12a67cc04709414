// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { relativeSelector, rowOfPicks, rowSelectorFor } from './selectors';

describe('teach mode selectors', () => {
  it('finds the row of four picks and selectors that find every row and field again', () => {
    document.body.innerHTML = `
      <main><div id="cards">
        <div class="inv-card css-1a2b3c selected"><span class="ref">Q-1</span><span>Nova</span><b>10,00 €</b><i><em>01/03/2026</em></i></div>
        <div class="inv-card css-9z8y7x"><span class="ref">Q-2</span><span>Orion</span><b>20,00 €</b><i><em>02/03/2026</em></i></div>
      </div></main>`;
    const first = document.querySelector('.inv-card')!;
    const picks = [first.children[0]!, first.children[1]!, first.children[2]!, first.querySelector('em')!];
    const row = rowOfPicks(picks)!;
    expect(row).toBe(first);
    // Generated (css-…) and state (selected) classes are left out; the stable id anchors the path.
    const rowSelector = rowSelectorFor(row);
    expect(rowSelector).toBe('#cards > div.inv-card');
    expect(document.querySelectorAll(rowSelector)).toHaveLength(2);
    const dueDate = relativeSelector(row, picks[3]!);
    expect(dueDate).toBe(':scope > i:nth-child(4) > em:nth-child(1)');
    const second = document.querySelectorAll(rowSelector)[1]!;
    expect(second.querySelector(dueDate)?.textContent).toBe('02/03/2026');
  });

  it('refuses picks that do not share a row below <body>', () => {
    document.body.innerHTML = '<p>a</p><p>b</p>';
    expect(rowOfPicks(Array.from(document.querySelectorAll('p')))).toBeNull();
  });

  it('takes the row one level up when one pick holds the others', () => {
    document.body.innerHTML = '<ul><li><span>x</span></li></ul>';
    const span = document.querySelector('span')!;
    expect(rowOfPicks([span, span, span, span])?.tagName).toBe('LI');
  });
});
