/** RFC 9457 problem details. `errors` carries field paths for input the user can correct. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}

export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export function problem(
  status: number,
  code: string,
  title: string,
  detail?: string,
  errors?: Problem['errors'],
): HttpProblem {
  return new HttpProblem({
    type: `https://ctis.invalid/problems/${code}`,
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  });
}
