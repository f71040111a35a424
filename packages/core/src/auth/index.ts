export * from './password-policy.ts';
export * from './session-policy.ts';
export * from './lockout.ts';
