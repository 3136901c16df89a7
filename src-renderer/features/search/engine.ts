import { database } from '../../db/database';
import { buildNoteIndex } from './build-note-index';
import type { WorkerMessage } from './note-index.worker';
import { NoteIndexDatabase } from './note-index-db';
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
        buildNoteIndex(database(), index, { onProgress: (p) => onProgress(p.done, p.total) }).then(
          () => resolve(),
          reject,
        );
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

let engine: NoteSearchEngine | undefined;

/** The app's note search, over the one database, created on first use. */
export function noteSearchEngine(): NoteSearchEngine {
  if (!engine) {
    const index = new NoteIndexDatabase();
    engine = new NoteSearchEngine(database(), index, workerIndexBuilder(index));
  }
  return engine;
}
