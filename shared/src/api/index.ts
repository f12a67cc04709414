// The HTTP API's requests and answers (besides the sync protocol, in ../schemas/sync.ts): the
// server validates and documents with these, the extension reads the server's answers with them.

export * from './errors';
export * from './history';
export * from './roles';
export * from './teams';
