import type { MainHandlers } from '../ipc';
import { fetchServerCertificate } from '../sync/certificate-pin';
import { SyncConfigStore } from '../sync/sync-config-store';
import type { MainDeps } from './deps';

type SyncChannels =
  | 'syncStatus'
  | 'syncTurnOn'
  | 'syncTurnOff'
  | 'syncSecrets'
  | 'syncRenameComputer'
  | 'syncRotation'
  | 'syncServerCertificate';

/**
 * Main's part of practice sync: it keeps the settings and the sealed secrets, and its
 * SyncConfigStore is what the network lockdown and the CSP ask for the one allowed origin.
 * Records never pass through main: the renderer replicates ciphertext with the server itself.
 */
export function syncHandlers(deps: MainDeps): Pick<MainHandlers, SyncChannels> {
  const store = deps.syncConfig ?? new SyncConfigStore(deps.userDataDir, deps.secureStore);
  return {
    syncStatus: async () => store.status(),
    syncTurnOn: (setup) => store.turnOn(setup),
    syncTurnOff: () => store.turnOff(),
    syncSecrets: async () => store.secrets(),
    syncRenameComputer: ({ computerName }) => store.renameComputer(computerName),
    syncRotation: (step) => store.rotation(step),
    syncServerCertificate: ({ serverUrl }) => fetchServerCertificate(serverUrl),
  };
}
