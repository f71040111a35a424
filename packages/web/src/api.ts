/**
 * The one way the app talks to the server: same-origin fetch, JSON in and out, the CSRF token on
 * every non-GET request, and RFC 9457 problems turned into ApiError.
 */

export interface FieldProblem {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title); // the message to show: detail, else title
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /**
   * The server's message for one field, if any ("/password", "body.password" and "password" all
   * match "password"); unless `exact`, a problem inside the field ("ids.0" for "ids") matches too.
   */
  fieldError(field: string, exact = false): string | undefined {
    return this.problem.errors?.find((e) => pathMatches(normalisePath(e.path), field, exact))?.message;
  }

  /** True when the problem names fields and each is one of `fields` (or inside one). */
  onlyAbout(fields: readonly string[]): boolean {
    const errors = this.problem.errors ?? [];
    return errors.length > 0 && errors.every((e) => fields.some((f) => pathMatches(normalisePath(e.path), f, false)));
  }
}

function pathMatches(path: string, field: string, exact: boolean): boolean {
  return path === field || (!exact && path.startsWith(`${field}.`));
}

function normalisePath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .replace(/\//g, '.');
}

let csrfToken: string | null = null;
let language = 'en';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as Accept-Language so the server may localise its messages. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return send<T>(
    method,
    path,
    body === undefined ? undefined : { body: JSON.stringify(body), type: 'application/json' },
  );
}

/**
 * Sends a file as the raw request body with its Content-Type (e.g. a spreadsheet to import), with
 * the CSRF token like every other write; the answer is JSON, or a problem turned into ApiError.
 */
export function upload<T>(path: string, file: Blob, contentType: string, method: Method = 'POST'): Promise<T> {
  return send<T>(method, path, { body: file, type: contentType });
}

async function send<T>(method: Method, path: string, payload?: { body: BodyInit; type: string }): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (payload) headers['content-type'] = payload.type;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: payload?.body });
  } catch {
    throw new ApiError({ title: 'Network error', status: 0, code: 'network' });
  }

  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(toProblem(json, response));
  return json as T;
}

function toProblem(payload: unknown, response: Response): Problem {
  if (payload && typeof payload === 'object' && 'title' in payload) {
    const problem = payload as Problem;
    return { ...problem, status: problem.status ?? response.status };
  }
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
