/** Input a user can correct: which field, and why. The API answers it as a 400 problem. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'InputError';
  }
}

/** A request that conflicts with the record's current state (409). */
export class ConflictError extends Error {
  override name = 'ConflictError';
}
