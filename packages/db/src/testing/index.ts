export * from './test-database.ts';
export { freePort } from '../embedded/free-port.ts';
export { isAlive } from '../embedded/postmaster.ts';
