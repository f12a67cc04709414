import { type AnyRequest, type ResponseOf, sendMessage } from '../messages';

/** How the extension's pages reach the background; tests pass the router directly. */
export type Send = <R extends AnyRequest>(request: R) => Promise<ResponseOf<R['type']>>;

export const sendToBackground: Send = sendMessage;
