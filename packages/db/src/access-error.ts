/** A refused access. 404 hides that an out-of-scope record exists; 403 says the role may not act. */
export class AccessError extends Error {
  constructor(
    readonly status: 403 | 404,
    readonly reason: 'no-rule' | 'out-of-scope' | 'break-glass-required' | 'not-found',
    readonly action: string,
    readonly resourceType: string,
    readonly resourceId: string | null,
  ) {
    super(status === 404 ? 'Not found' : `Not allowed: ${action}`);
    this.name = 'AccessError';
  }
}
