export * from './alerts.ts';
export * from './config-check.ts';
export * from './dates.ts';
export * from './events.ts';
export * from './receivers.ts';
export * from './state.ts';
export * from './transitions.ts';
