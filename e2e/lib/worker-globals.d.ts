// The part of the extension service worker's `chrome` API that tests call inside `worker.evaluate`
// (the callback runs in the worker, where `chrome` exists; this only tells the type checker).
declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[]; js?: string[] }[]> };
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};
