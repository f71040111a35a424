import type { TFunction } from 'i18next';
import { isApiError, type ApiError } from '../api';

/** What to tell the user about a failed request: the server's detail, else its title. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('Something went wrong. Please try again.');
  if (error.status === 0) return t('Cannot reach the server. Check your connection and try again.');
  return error.problem.detail ?? error.problem.title;
}

/** The server's error for one field of a form, if the last request failed on it. */
export function fieldErrorOf(error: unknown, field: string): string | undefined {
  return isApiError(error) ? (error as ApiError).fieldError(field) : undefined;
}
