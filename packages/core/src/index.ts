export * from './access/index.ts';
export * from './audit/index.ts';
export * from './auth/index.ts';
export * from './config/index.ts';
export * from './errors.ts';
