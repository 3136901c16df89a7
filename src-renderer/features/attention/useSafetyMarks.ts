import { useEffect, useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import {
  DEFAULT_SAFETY_SETTINGS,
  type SafetySettings,
  SafetySettingsSchema,
} from '../../../src-shared/safety';
import { repositories } from '../../app/repositories';
import type { ClientListItem } from '../../db/clients-repository';
import type { WorstSeverities } from '../../db/safety-marks';
import { SAFETY_SETTINGS_KEY } from '../safety/useSafetyFindings';
import type { ComputeMessage, SafetyMarksMessage } from './safety-marks.worker';

/**
 * The last marks computed, shown at once when the list opens again while they are recomputed
 * (a history edited since then is on another page, so the fresh pass follows within a second).
 */
let lastMarks: WorstSeverities | undefined;

/**
 * Each client's worst safety finding for the client list, computed once the whole list is
 * loaded (so it never delays the first screen or the search) in one pass over the stored health
 * histories, in a worker. Recomputed each time the list opens: histories are only edited on
 * other pages. `undefined` until the first pass is done.
 */
export function useSafetyMarks(clients: readonly ClientListItem[] | undefined): WorstSeverities | undefined {
  const [marks, setMarks] = useState<WorstSeverities | undefined>(lastMarks);
  useEffect(() => {
    if (clients === undefined) return;
    let stopped = false;
    let stop = () => {};
    const datesOfBirth: Array<[string, string]> = [];
    for (const client of clients) if (client.dateOfBirth) datesOfBirth.push([client.id, client.dateOfBirth]);
    const show = (next: WorstSeverities) => {
      lastMarks = next;
      if (!stopped) setMarks(next);
    };
    void repositories()
      .settings.get(SAFETY_SETTINGS_KEY, SafetySettingsSchema, DEFAULT_SAFETY_SETTINGS)
      .then((settings) => {
        if (stopped) return;
        stop = computeMarks({ type: 'compute', today: localToday(), settings, datesOfBirth }, show);
      });
    return () => {
      stopped = true;
      stop();
    };
  }, [clients]);
  return marks;
}

/** Starts the pass (in a worker where one can start, else on this thread); returns a stop. */
function computeMarks(message: ComputeMessage, done: (marks: WorstSeverities) => void): () => void {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./safety-marks.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return computeHere(message, done);
  }
  worker.onmessage = (event: MessageEvent<SafetyMarksMessage>) => {
    worker.terminate();
    if (event.data.type === 'done') done(new Map(event.data.marks));
    else console.warn(`Safety marks for the client list: ${event.data.message}`);
  };
  worker.onerror = (event) => {
    worker.terminate();
    console.warn(`Safety marks for the client list: ${event.message}`);
  };
  worker.postMessage(message);
  return () => worker.terminate();
}

function computeHere(message: ComputeMessage, done: (marks: WorstSeverities) => void): () => void {
  let cancelled = false;
  const settings: SafetySettings = message.settings;
  void repositories()
    .safetyMarks.compute(
      {
        today: message.today,
        settings,
        dateOfBirthOf: new Map(message.datesOfBirth),
        cancelled: () => cancelled,
      },
      // Small pages: each one is a few milliseconds of the screen's thread, so keys still answer.
      50,
    )
    .then((marks) => {
      if (marks) done(marks);
    });
  return () => {
    cancelled = true;
  };
}
