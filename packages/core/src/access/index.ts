export * from './actions.ts';
export * from './types.ts';
export * from './can.ts';
export * from './rules.ts';
