import type { ClientInput } from '../../../src-shared/domain/client';
import { duplicateKey } from '../../../src-shared/exports/import-plan';
import { repositories } from '../../app/repositories';
import { type ClientsRepository, loadClientList } from '../../db/clients-repository';
import { database, type StillpointDatabase } from '../../db/database';

/** duplicateKey() of every client on record, to skip rows that would make a second copy. */
export async function existingClientKeys(db: StillpointDatabase = database()): Promise<Set<string>> {
  const clients = await loadClientList(db);
  return new Set(clients.map(duplicateKey));
}

export interface ImportProgress {
  imported: number;
  total: number;
}

export const IMPORT_BATCH_SIZE = 100;

/**
 * Creates the clients through ClientsRepository.create (which validates each with the shared
 * schema and gives it an empty health history), a batch at a time. A batch is one transaction:
 * the repository's own transactions join it, so 100 clients cost one durable commit instead of
 * 100, and a batch is saved whole or not at all. Cancelling stops before the next batch; batches
 * already saved stay (the report says how many).
 */
export async function importClients(
  inputs: readonly ClientInput[],
  options: {
    signal?: AbortSignal;
    onProgress?: (progress: ImportProgress) => void;
    /** The database and repository to write through (the app's own by default). */
    db?: StillpointDatabase;
    clients?: ClientsRepository;
  } = {},
): Promise<{ imported: number; cancelled: boolean }> {
  const db = options.db ?? database();
  const clients = options.clients ?? repositories().clients;
  let imported = 0;
  options.onProgress?.({ imported, total: inputs.length });
  for (let start = 0; start < inputs.length; start += IMPORT_BATCH_SIZE) {
    if (options.signal?.aborted) return { imported, cancelled: true };
    const batch = inputs.slice(start, start + IMPORT_BATCH_SIZE);
    await db.transaction('rw', db.clients, db.healthHistories, async () => {
      for (const input of batch) await clients.create(input);
    });
    imported += batch.length;
    options.onProgress?.({ imported, total: inputs.length });
    // Let the progress bar paint and a Cancel click land.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { imported, cancelled: false };
}
