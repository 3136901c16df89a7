import { repositories } from '../../app/repositories';
import { type ChangedParts, isBulkChange, onCommittedWrites } from '../../db/change-feed';
import { NoteIndexDatabase } from '../../db/note-index-db';
import { buildNoteIndex } from './build-note-index';
import type { WorkerMessage } from './note-index.worker';
import { type IndexBuilder, NoteSearchEngine } from './note-search';

/**
 * Builds the note index in a worker; where a worker cannot start, on this thread (slower to
 * finish, and the screen shares the time, but search still works).
 */
export function workerIndexBuilder(index: NoteIndexDatabase): IndexBuilder {
  return (onProgress) =>
    new Promise<void>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./note-index.worker.ts', import.meta.url), { type: 'module' });
      } catch {
        buildNoteIndex(repositories().noteSource, index, {
          onProgress: (p) => onProgress(p.done, p.total),
        }).then(() => resolve(), reject);
        return;
      }
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if (message.type === 'progress') onProgress(message.done, message.total);
        else {
          worker.terminate();
          if (message.type === 'done') resolve();
          else reject(new Error(message.message));
        }
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message || 'The note index could not be built.'));
      };
      worker.postMessage({ type: 'build' });
    });
}

/** More notes than this written in one go is a bulk change (see notesChangedInBulk). */
const BULK_CHANGE = 100;

/**
 * Whether a storage change touched many notes: Dexie reports the keys written per table as a
 * set of ranges; a range wider than one key is a clear or a range delete.
 */
export function isBulkNoteChange(parts: ChangedParts, databaseName: string): boolean {
  return isBulkChange(parts, databaseName, 'sessions', BULK_CHANGE);
}

let engine: NoteSearchEngine | undefined;

/** The app's note search, over the one database, created on first use. */
export function noteSearchEngine(): NoteSearchEngine {
  if (!engine) {
    const source = repositories().noteSource;
    const index = new NoteIndexDatabase();
    const created = new NoteSearchEngine(source, index, workerIndexBuilder(index));
    onCommittedWrites((parts) => {
      if (isBulkNoteChange(parts, source.databaseName)) void created.notesChangedInBulk();
    });
    engine = created;
  }
  return engine;
}
