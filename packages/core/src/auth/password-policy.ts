import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * NIST 800-63B / OWASP ASVS: a minimum length and a check against common passwords,
 * no composition rules.
 */
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

export interface PasswordProblem {
  readonly code: 'too_short' | 'too_long' | 'common' | 'contains_username';
  readonly message: string;
}

export function checkPassword(password: string, opts: { minLength: number; username?: string }): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < opts.minLength) {
    problems.push({
      code: 'too_short',
      message: `Use at least ${opts.minLength} characters (this one has ${length}).`,
    });
  }
  if (length > 128) problems.push({ code: 'too_long', message: 'Use at most 128 characters.' });
  const lower = password.toLowerCase();
  // A common password with digits or symbols tacked on ("password1234!") is still common.
  const base = lower.replace(/[^a-z]+$/u, '').replace(/^[^a-z]+/u, '');
  if (
    commonPasswords().has(lower) ||
    (base.length >= 4 && commonPasswords().has(base) && base.length >= lower.length - 6)
  ) {
    problems.push({
      code: 'common',
      message: 'This password is on a list of commonly used passwords; choose another.',
    });
  }
  if (opts.username && opts.username.length >= 4 && lower.includes(opts.username.toLowerCase())) {
    problems.push({ code: 'contains_username', message: 'The password must not contain the user name.' });
  }
  return problems;
}
