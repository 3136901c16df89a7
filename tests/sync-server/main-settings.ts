import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SecureStore } from '../../src-main/services/backups/secure-store';
import { SyncConfigStore } from '../../src-main/sync/sync-config-store';
import type { SyncServer } from './server';

/** The OS key store as main sees it, sealing text in a way the tests can read back. */
export function sealingStore(): SecureStore {
  return {
    storage: () => 'secure',
    encrypt: (text) => new Uint8Array(Buffer.from(`sealed:${text}`)),
    decrypt: (data) =>
      Buffer.from(data)
        .toString()
        .replace(/^sealed:/, ''),
  };
}

/**
 * Main's real sync settings for one computer (sync.json and its sealed secrets) in a folder of
 * its own, turned on for `server` with `practiceKey`: every step of a key rotation is on disk as
 * the app would leave it.
 */
export async function mainSyncSettings(
  server: SyncServer,
  name: string,
  practiceKey: string,
): Promise<SyncConfigStore> {
  const main = new SyncConfigStore(
    fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-sync-main-')),
    sealingStore(),
  );
  await main.turnOn({
    serverUrl: server.databaseUrl,
    user: server.user,
    password: server.password,
    practiceKey,
    computerName: name,
  });
  return main;
}
