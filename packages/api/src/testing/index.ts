export * from './test-app.ts';
export * from './test-server.ts';
