export * from './test-app.ts';
export * from './test-server.ts';
export * from './generated-linkage-records.ts';
