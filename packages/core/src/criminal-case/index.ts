export * from './access.ts';
export * from './config-check.ts';
export * from './alerts.ts';
export * from './events.ts';
export * from './state.ts';
export * from './transitions.ts';
