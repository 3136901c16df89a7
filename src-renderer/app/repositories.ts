import { AttachmentsRepository } from '../db/attachments-repository';
import { ClientsRepository } from '../db/clients-repository';
import { ConsentRepository } from '../db/consent-repository';
import { database } from '../db/database';
import { createDataFronts } from '../db/fronts';
import { HealthHistoryRepository } from '../db/health-history-repository';
import { IntakeRepository } from '../db/intake-repository';
import { SamplePracticeRepository } from '../db/sample-practice-repository';
import { createSessionRepositories } from '../db/sessions-repository';
import { SettingsRepository } from '../db/settings-repository';

function createRepositories() {
  const db = database();
  const clients = new ClientsRepository(db);
  const consents = new ConsentRepository(db);
  return {
    consents,
    intake: new IntakeRepository(db, consents),
    clients,
    healthHistories: new HealthHistoryRepository(db),
    settings: new SettingsRepository(db),
    samplePractice: new SamplePracticeRepository(db),
    attachments: new AttachmentsRepository(db),
    // sessions, afterEffects, audit
    ...createSessionRepositories(db, clients),
    // backupSnapshot, restoreWriter, practicePages, recordCounts
    ...createDataFronts(db),
  };
}

/** The app's repositories over the one database, created on first use. */
let cached: ReturnType<typeof createRepositories> | undefined;

export function repositories() {
  cached ??= createRepositories();
  return cached;
}
