import { AttachmentsRepository } from '../db/attachments-repository';
import { ClientsRepository } from '../db/clients-repository';
import { ConsentRepository } from '../db/consent-repository';
import { database } from '../db/database';
import { FollowUpsRepository } from '../db/follow-ups-repository';
import { createDataFronts } from '../db/fronts';
import { HealthHistoryRepository } from '../db/health-history-repository';
import { IntakeRepository } from '../db/intake-repository';
import { OutcomesRepository } from '../db/outcomes-repository';
import { SamplePracticeRepository } from '../db/sample-practice-repository';
import { createSessionRepositories } from '../db/sessions-repository';
import { SettingsRepository } from '../db/settings-repository';

function createRepositories() {
  const db = database();
  const clients = new ClientsRepository(db);
  const consents = new ConsentRepository(db);
  const sessionRepositories = createSessionRepositories(db, clients);
  const findSession = (id: string) => sessionRepositories.sessions.get(id);
  return {
    consents,
    intake: new IntakeRepository(db, consents),
    clients,
    healthHistories: new HealthHistoryRepository(db),
    settings: new SettingsRepository(db),
    samplePractice: new SamplePracticeRepository(db),
    attachments: new AttachmentsRepository(db),
    // sessions, afterEffects, audit
    ...sessionRepositories,
    // outcome profiles and scores, and the after-effects follow-up (issue 16)
    outcomes: new OutcomesRepository(db, { findSession }),
    followUps: new FollowUpsRepository(db, { findSession }),
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
