import { ClientsRepository } from '../db/clients-repository';
import { database } from '../db/database';
import { HealthHistoryRepository } from '../db/health-history-repository';
import { SettingsRepository } from '../db/settings-repository';

/** The app's repositories over the one database, created on first use. */
let cached:
  | { clients: ClientsRepository; healthHistories: HealthHistoryRepository; settings: SettingsRepository }
  | undefined;

export function repositories() {
  if (!cached) {
    const db = database();
    cached = {
      clients: new ClientsRepository(db),
      healthHistories: new HealthHistoryRepository(db),
      settings: new SettingsRepository(db),
    };
  }
  return cached;
}
