import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SyncServer, startSyncServer } from '../../sync-server/server';

describe('the test CouchDB (express-pouchdb on 127.0.0.1)', () => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await startSyncServer();
  });
  afterAll(() => server.stop());

  const as = (user: string, password: string) => ({
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  });

  it('listens on 127.0.0.1 with a port of its own', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lets only its user in, with the right password', async () => {
    expect((await fetch(`${server.databaseUrl}/_all_docs`)).status).toBe(401);
    expect(
      (await fetch(`${server.databaseUrl}/_all_docs`, { headers: as(server.user, 'wrong') })).status,
    ).toBe(401);
    const ok = await fetch(`${server.databaseUrl}/_all_docs`, { headers: as(server.user, server.password) });
    expect(ok.status).toBe(200);
  });

  it('stores what its user writes, and stops and restarts with the data kept', async () => {
    const put = await fetch(`${server.databaseUrl}/some-id`, {
      method: 'PUT',
      headers: { ...as(server.user, server.password), 'content-type': 'application/json' },
      body: JSON.stringify({ c: 'ciphertext' }),
    });
    expect(put.status).toBe(201);
    await server.stop();
    await expect(
      fetch(`${server.databaseUrl}/some-id`, { headers: as(server.user, server.password) }),
    ).rejects.toThrow();
    await server.restart();
    const back = await fetch(`${server.databaseUrl}/some-id`, { headers: as(server.user, server.password) });
    expect(((await back.json()) as { c: string }).c).toBe('ciphertext');
    expect((await server.rawDocuments()).map((doc) => doc._id)).toContain('some-id');
  });
});
