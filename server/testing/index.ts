// `@relance/server/testing`: what tests and benchmarks outside the server use to run the real
// server (and the dashboard's harness, `@relance/server/testing/dashboard`). Not part of the app.

export * from './changes';
export * from './server';
