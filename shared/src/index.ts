// The domain: pure TypeScript, no DOM and no Node APIs. Both the extension and the server import it.

export * from './api/index';
export * from './clock/index';
export * from './dates';
export * from './format/index';
export * from './ids/index';
export * from './latePayment/index';
export * from './parse/index';
export * from './policy/index';
export * from './schemas/index';
export * from './templates/index';
export * from './vocabulary/index';
