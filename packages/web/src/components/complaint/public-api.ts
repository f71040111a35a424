/**
 * The public complaint calls. Unlike `api()` these send no cookie and no CSRF token
 * (credentials: 'omit'), keep nothing in the HTTP cache and send no referrer: a reporter who also
 * has a staff account is not tied to the complaint by their session.
 */
import { ApiError, type Problem } from '../../api';
import { currentLanguage } from '../../i18n';
import type { NewComplaint, ReceiptStatus } from './types';

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ title: 'Network error', status: 0, code: 'network' });
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem =
      payload && typeof payload === 'object' && 'title' in payload
        ? (payload as Problem)
        : { title: response.statusText || `HTTP ${response.status}`, status: response.status };
    throw new ApiError({ ...problem, status: problem.status ?? response.status });
  }
  return payload as T;
}

export const submitComplaint = (body: NewComplaint) =>
  call<{ receipt: string }>('POST', '/api/public/complaints', body);

export const complaintStatus = (receipt: string) =>
  call<ReceiptStatus>('GET', `/api/public/complaints/${encodeURIComponent(receipt.trim())}`);
