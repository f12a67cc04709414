import { structureOutline } from './compose/structureOutline';
import { AssignPanel } from './panel/AssignPanel';

/**
 * What the webmail overlay uses rarely, loaded on demand (`webmail-ui.js`, see `uiLoader.ts`):
 * the "this address belongs to…" line and its client search, and the health report's outline.
 */
export const webmailUi = { AssignPanel, structureOutline };

export type WebmailUi = typeof webmailUi;
