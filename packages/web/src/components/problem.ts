import type { TFunction } from 'i18next';
import { isApiError, type ApiError } from '../api';

/** What to tell the user about a failed request: the server's detail, else its title. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('Something went wrong. Please try again.');
  if (error.status === 0) return t('Cannot reach the server. Check your connection and try again.');
  return error.problem.detail ?? error.problem.title;
}

/** The server's error for one field of a form (or, unless `exact`, inside it), if the last request failed on it. */
export function fieldErrorOf(error: unknown, field: string, exact = false): string | undefined {
  return isApiError(error) ? (error as ApiError).fieldError(field, exact) : undefined;
}

/**
 * The message to show above a form: none when every field problem is shown beside one of the
 * form's `fields`, else the server's detail (a conflict, a refusal, a field the form lacks).
 */
export function formProblem(error: unknown, fields: readonly string[], t: TFunction): string | undefined {
  if (!error) return undefined;
  if (isApiError(error) && error.onlyAbout(fields)) return undefined;
  return problemMessage(error, t);
}
