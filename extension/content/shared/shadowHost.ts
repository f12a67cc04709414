/**
 * Our UI lives in custom-named host elements with an OPEN shadow root, so the page's CSS neither
 * leaks in nor out. Content scripts cannot define custom elements (no `customElements` in the
 * isolated world), but `attachShadow` works on any element with a valid custom element name.
 */
const sheets = new Map<string, CSSStyleSheet | null>();

/** One constructed stylesheet per CSS text, shared by every host (2,000 badges, one sheet). */
function sharedSheet(css: string): CSSStyleSheet | null {
  if (!sheets.has(css)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null; // older engines or Xray-wrapped worlds: fall back to a <style> element
    }
    sheets.set(css, sheet);
  }
  return sheets.get(css) ?? null;
}

function applyStyles(root: ShadowRoot, css: string): void {
  const sheet = sharedSheet(css);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // fall through to <style>
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

/** Creates (not inserts) a host element with an open shadow root styled by `css`. */
export function createShadowHost(doc: Document, tagName: string, css: string): ShadowHost {
  const host = doc.createElement(tagName);
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root, css);
  return { host, root };
}

/** True for the host elements this extension creates (`<relance-…>`). */
export function isOurElement(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('relance-');
}
