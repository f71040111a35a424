export { buildApp } from './app.ts';
export type { AppDeps } from './deps.ts';
export { hashPassword } from './auth/passwords.ts';
export { newTotpSecret, totpNow } from './auth/totp.ts';
export { issuePasswordToken } from './auth/password-tokens.ts';
export { loadDemoIfEmpty, formatDemoAccounts } from './demo/load-demo.ts';
export { demoAccounts, DEMO_PASSWORD, type DemoAccount } from './demo/accounts.ts';
export { loadCountryConfigFile, loadQuestionnaires } from './config-file.ts';
export { identityVault } from './name-indexer.ts';
