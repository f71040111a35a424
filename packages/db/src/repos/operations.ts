import type { ScopedTx } from '../scoped-db.ts';

/** Operations (raids): label V until carried out. (Being written.) */
export class OperationsRepo {
  constructor(private readonly tx: ScopedTx) {}
}
