// Loads the worker's TypeScript entry in a fresh thread: tsx's loader is registered per thread (ctis.js
// registers it on the main thread only; vitest transforms without it), so register it here first.
import { register } from 'tsx/esm/api';

register();
await import('./propose-worker.ts');
