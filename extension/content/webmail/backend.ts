import { type AnyRequest, type ResponseOf, sendMessage } from '../../lib/messages';

/**
 * How the webmail overlay talks to the background: the typed `sendMessage` of lib/messages in the
 * extension, a fake in unit tests.
 */
export type Send = <R extends AnyRequest>(request: R) => Promise<ResponseOf<R['type']>>;

export const sendToBackground: Send = sendMessage;
