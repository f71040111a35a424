export * from './checklists.ts';
export * from './definitions.ts';
export * from './fields.ts';
export * from './validate.ts';
