import type { AuthStore } from '@ctis/db';
import { newToken, tokenId } from './tokens.ts';

const RESET_TOKEN_HOURS = 72;

/** Issue a one-time set-password token (valid 72 h; voids older ones). Only its hash is stored. */
export async function issuePasswordToken(
  store: AuthStore,
  userId: string,
  createdBy: string | null,
  now: Date,
): Promise<string> {
  const token = newToken();
  await store.createPasswordToken({
    id: tokenId(token),
    userId,
    createdBy,
    now,
    expiresAt: new Date(now.getTime() + RESET_TOKEN_HOURS * 3_600_000),
  });
  return token;
}
