export * from './microdata.ts';
export * from './style.ts';
export * from './suppression.ts';
