import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createTestApp } from './test-app.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';

const WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** A listening server (API + built web app) on a fresh database, for browser tests. */
export async function startTestServer(): Promise<{
  url: string;
  demo: { username: string; password: string; totpSecret: string };
  close(): Promise<void>;
}> {
  const t = await createTestApp({ webRoot: WEB_ROOT });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const admin = t.account('national_admin');
  return {
    url: `http://127.0.0.1:${port}`,
    demo: { username: admin.username, password: DEMO_PASSWORD, totpSecret: admin.totpSecret },
    close: () => t.close(),
  };
}
