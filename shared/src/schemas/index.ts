export * from './activity';
export * from './common';
export * from './records';
export * from './settings';
export * from './stage';
export * from './sync';
