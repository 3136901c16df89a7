import { openWorkerFronts } from '../../db/fronts';
import { NoteIndexDatabase } from '../../db/note-index-db';
import { buildNoteIndex } from './build-note-index';

/**
 * Builds the note index off the main thread: the screen keeps answering while 200,000 notes are
 * read and indexed. Messages: in { type: 'build' }; out progress, then done or failed.
 */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; noteCount: number; buildMs: number }
  | { type: 'failed'; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: WorkerMessage): void;
};

scope.onmessage = (event: MessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type !== 'build') return;
  const fronts = openWorkerFronts();
  const index = new NoteIndexDatabase();
  buildNoteIndex(fronts.noteSource, index, {
    onProgress: (progress) => scope.postMessage({ type: 'progress', ...progress }),
  })
    .then((meta) => scope.postMessage({ type: 'done', noteCount: meta.noteCount, buildMs: meta.buildMs }))
    .catch((error: unknown) =>
      scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => {
      fronts.close();
      index.close();
    });
};
