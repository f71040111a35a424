export * from './access/index.ts';
export * from './audit/index.ts';
export * from './auth/index.ts';
export * from './config/index.ts';
export * from './errors.ts';
export * from './persons/index.ts';
export * from './victim-case/index.ts';
export * from './screening/index.ts';
