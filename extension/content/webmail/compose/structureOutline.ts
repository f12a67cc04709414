import { isOurElement } from '../../shared/shadowHost';

const MAX_ELEMENTS = 120;
const MAX_DEPTH = 8;
const NAME = /^[A-Za-z][A-Za-z0-9_:.-]{0,60}$/;

/**
 * The outline of a compose window for a health report: one element a line, indented by depth,
 * its tag and its attribute names (`div[class,role]`). Never a value, never text: nothing the
 * person wrote or received leaves the page.
 */
export function structureOutline(root: Element): string {
  const lines: string[] = [];
  const walk = (el: Element, depth: number) => {
    if (lines.length >= MAX_ELEMENTS || depth > MAX_DEPTH || isOurElement(el)) return;
    const tag = NAME.test(el.localName) ? el.localName : 'x';
    const names = Array.from(el.attributes, (a) => a.name).filter((n) => NAME.test(n));
    lines.push(`${' '.repeat(depth)}${tag}${names.length ? `[${names.join(',')}]` : ''}`);
    for (const child of Array.from(el.children)) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines.join('\n');
}
