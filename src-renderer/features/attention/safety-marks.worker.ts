import type { IsoDate } from '../../../src-shared/domain/dates';
import type { SafetySettings, Severity } from '../../../src-shared/safety';
import { openWorkerFronts } from '../../db/fronts';

/**
 * Runs the safety check over every client's health history off the main thread, so the client
 * list keeps answering keys while 10,000 histories are checked (most of a second of work).
 * Messages: in { type: 'compute', ... }; out done (client id -> worst severity) or failed.
 */
export interface ComputeMessage {
  type: 'compute';
  today: IsoDate;
  settings: SafetySettings;
  /** Only clients with a date of birth. */
  datesOfBirth: Array<[string, IsoDate]>;
}

export type SafetyMarksMessage =
  | { type: 'done'; marks: Array<[string, Severity]> }
  | { type: 'failed'; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: SafetyMarksMessage): void;
};

scope.onmessage = (event: MessageEvent) => {
  const message = event.data as ComputeMessage | null;
  if (message?.type !== 'compute') return;
  const fronts = openWorkerFronts();
  fronts.safetyMarks
    .compute({
      today: message.today,
      settings: message.settings,
      dateOfBirthOf: new Map(message.datesOfBirth),
    })
    .then((marks) => scope.postMessage({ type: 'done', marks: [...(marks ?? [])] }))
    .catch((error: unknown) =>
      scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => fronts.close());
};
