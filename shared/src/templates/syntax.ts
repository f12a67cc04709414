import { PLACEHOLDERS, type Placeholder, SECTIONS, type Section } from './placeholders';

/**
 * The template language, deliberately small (a subset of Mustache):
 * - `{{name}}` is replaced by a value (see PLACEHOLDERS); spaces inside the braces and upper case
 *   are tolerated (`{{ Client }}`);
 * - `{{#name}}…{{/name}}` keeps its text only when the condition holds (see SECTIONS); sections nest;
 * - a section tag alone on its line takes the line with it, so that sections on lines of their own
 *   leave no blank line behind;
 * - anything else between double braces is an error, never silently printed.
 */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; name: Placeholder }
  | { kind: 'section'; name: Section; children: TemplateNode[] };

export type SyntaxProblemKind =
  | 'unknown-placeholder'
  | 'unknown-section'
  | 'unclosed-section'
  | 'unexpected-close'
  | 'malformed-tag'
  | 'unmatched-braces';

export interface SyntaxProblem {
  kind: SyntaxProblemKind;
  /** The tag or text at fault, as written. */
  tag: string;
  /** The name inside the tag, lower case, when there is one. */
  name?: string;
}

const TAG = /\{\{([^{}]*)\}\}/g;
const TAG_PARTS = /^([#/]?)\s*([A-Za-z0-9_]+)$/;
const STANDALONE_SECTION_TAG = /(?<=^|\n)[ \t]*(\{\{\s*[#/][^{}]*\}\})[ \t]*(?:\n|$)/g;

const isPlaceholder = (name: string): name is Placeholder =>
  (PLACEHOLDERS as readonly string[]).includes(name);
const isSection = (name: string): name is Section => (SECTIONS as readonly string[]).includes(name);

export function parseTemplate(source: string): { nodes: TemplateNode[]; problems: SyntaxProblem[] } {
  const text = source.replace(/\r\n?/g, '\n').replace(STANDALONE_SECTION_TAG, '$1');
  const problems: SyntaxProblem[] = [];
  const root: TemplateNode[] = [];
  // Open sections, innermost last. Unknown sections are tracked too so their closing tag matches.
  const open: { name: string; tag: string; children: TemplateNode[] }[] = [];
  const current = () => open.at(-1)?.children ?? root;

  const addText = (chunk: string) => {
    if (chunk === '') return;
    const stray = /\{\{|\}\}/.exec(chunk);
    if (stray)
      problems.push({ kind: 'unmatched-braces', tag: chunk.slice(stray.index, stray.index + 20).trim() });
    current().push({ kind: 'text', text: chunk });
  };

  let end = 0;
  for (const match of text.matchAll(TAG)) {
    addText(text.slice(end, match.index));
    end = match.index + match[0].length;
    const tag = match[0];
    const parts = TAG_PARTS.exec(match[1]!.trim());
    if (!parts) {
      problems.push({ kind: 'malformed-tag', tag });
      continue;
    }
    const sigil = parts[1];
    const name = parts[2]!.toLowerCase();
    if (sigil === '') {
      if (isPlaceholder(name)) current().push({ kind: 'placeholder', name });
      else problems.push({ kind: 'unknown-placeholder', tag, name });
    } else if (sigil === '#') {
      const children: TemplateNode[] = [];
      if (isSection(name)) current().push({ kind: 'section', name, children });
      else problems.push({ kind: 'unknown-section', tag, name });
      open.push({ name, tag, children });
    } else if (open.at(-1)?.name === name) {
      open.pop();
    } else {
      problems.push({ kind: 'unexpected-close', tag, name });
    }
  }
  addText(text.slice(end));
  for (const section of open)
    problems.push({ kind: 'unclosed-section', tag: section.tag, name: section.name });
  return { nodes: root, problems };
}
