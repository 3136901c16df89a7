import type { ClientInput } from '../../../src-shared/domain/client';
import type { Condition } from '../../../src-shared/domain/health-history';
import { newId } from '../../../src-shared/domain/ids';
import { duplicateKey, type ImportedCondition } from '../../../src-shared/exports/import-plan';
import { repositories } from '../../app/repositories';
import type { ClientsRepository } from '../../db/clients-repository';
import type { HealthHistoryRepository } from '../../db/health-history-repository';

/** duplicateKey() of every client on record, to skip rows that would make a second copy. */
export async function existingClientKeys(
  clients: ClientsRepository = repositories().clients,
): Promise<Set<string>> {
  const list = await clients.listAll();
  return new Set(list.map(duplicateKey));
}

export interface ImportProgress {
  imported: number;
  total: number;
}

export const IMPORT_BATCH_SIZE = 100;

/** A client to create, with conditions from kept columns for the health history. */
export interface ClientToImport {
  input: ClientInput;
  conditions: readonly ImportedCondition[];
}

/**
 * A condition from the imported file, unmatched to the catalog (the safety check reads its words)
 * and marked in its notes as coming from the file, for the therapist to review with the client.
 */
export function importedCondition(
  condition: ImportedCondition,
  source: { fileName: string; today: string },
): Condition {
  return {
    id: newId(),
    catalogId: null,
    label: condition.label,
    status: 'current',
    onsetDate: null,
    resolvedDate: null,
    severity: null,
    treated: null,
    notes: `Imported on ${source.today} from the "${condition.column}" column of ${source.fileName.slice(0, 200)}: review with the client.`,
  };
}

/**
 * Creates the clients through ClientsRepository.create (which validates each with the shared
 * schema and gives it an empty health history), a batch at a time; conditions from kept columns
 * are then saved into that history through HealthHistoryRepository.save (validated again). A
 * batch is one transaction: the repositories' own transactions join it, so 100 clients cost one
 * durable commit instead of 100, and a batch is saved whole or not at all. Cancelling stops
 * before the next batch; batches already saved stay (the report says how many).
 */
export async function importClients(
  clientsToImport: readonly ClientToImport[],
  options: {
    signal?: AbortSignal;
    onProgress?: (progress: ImportProgress) => void;
    /** Where the file came from and today's date, written into imported conditions' notes. */
    source?: { fileName: string; today: string };
    /** The repositories to write through (the app's own by default). */
    clients?: ClientsRepository;
    healthHistories?: HealthHistoryRepository;
  } = {},
): Promise<{ imported: number; cancelled: boolean }> {
  const clients = options.clients ?? repositories().clients;
  const source = options.source ?? {
    fileName: 'the imported file',
    today: new Date().toISOString().slice(0, 10),
  };
  const total = clientsToImport.length;
  let imported = 0;
  options.onProgress?.({ imported, total });
  for (let start = 0; start < total; start += IMPORT_BATCH_SIZE) {
    if (options.signal?.aborted) return { imported, cancelled: true };
    const batch = clientsToImport.slice(start, start + IMPORT_BATCH_SIZE);
    await clients.inOneBatch(async () => {
      for (const { input, conditions } of batch) {
        const client = await clients.create(input);
        if (conditions.length === 0) continue;
        const healthHistories = options.healthHistories ?? repositories().healthHistories;
        const { clientId: _c, updatedAt: _u, ...history } = await healthHistories.get(client.id);
        await healthHistories.save(client.id, {
          ...history,
          conditions: [...history.conditions, ...conditions.map((c) => importedCondition(c, source))],
        });
      }
    });
    imported += batch.length;
    options.onProgress?.({ imported, total });
    // Let the progress bar paint and a Cancel click land.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { imported, cancelled: false };
}
