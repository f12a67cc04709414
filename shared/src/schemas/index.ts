export * from './activity';
export * from './common';
export * from './corrections';
export * from './records';
export * from './settings';
export * from './stage';
export * from './sync';
