import { readPracticeKey } from '../../src-shared/sync/practice-key';
import { practiceKeysFromText } from '../../src-shared/sync/sync-crypto';
import type { SyncRotationStep } from '../../src-shared/sync/sync-settings';
import { translatedError } from '../i18n';

/**
 * The secrets sync.json keeps sealed by the OS key store, and how rotating the practice key
 * changes them (docs/sync.md, "Rotating the practice key"). The order of the steps is what keeps
 * every record readable by a key some computer holds:
 *
 * 1. `begin`: the new key is stored as pending before the server's marker names it, so a marker
 *    naming a key that no computer kept cannot happen (the app may close right after the write).
 * 2. `promote`: once the marker names it, the new key is current and the old one previous.
 * 3. `finished`: once this computer has written its records under the new key and marked the old
 *    key's documents deleted in its replica, the old key goes.
 *
 * `abandon` drops a pending key that the marker never named (another computer rotated first, or
 * the app closed before the marker was written).
 */
export interface SealedSecrets {
  password: string;
  practiceKey: string;
  pendingKey?: string;
  previousKey?: string;
}

/** The sealed JSON as read back, or null when it is not what this file writes. */
export function readSealedSecrets(value: unknown): SealedSecrets | null {
  const v = value as Partial<Record<keyof SealedSecrets, unknown>> | null;
  if (typeof v !== 'object' || v === null) return null;
  if (typeof v.password !== 'string' || typeof v.practiceKey !== 'string') return null;
  const optional = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const pendingKey = optional(v.pendingKey);
  const previousKey = optional(v.previousKey);
  return {
    password: v.password,
    practiceKey: v.practiceKey,
    ...(pendingKey ? { pendingKey } : {}),
    ...(previousKey ? { previousKey } : {}),
  };
}

export async function applyRotationStep(
  sealed: SealedSecrets,
  step: SyncRotationStep,
): Promise<SealedSecrets> {
  const { pendingKey: _pending, previousKey: _previous, ...rest } = sealed;
  switch (step.step) {
    case 'begin': {
      if (sealed.pendingKey || sealed.previousKey) {
        throw translatedError('INVALID_REQUEST', 'sync.main.rotationBusy');
      }
      const current = await practiceKeysFromText(sealed.practiceKey);
      const next = readPracticeKey(step.newKey);
      if (
        !current ||
        !next?.rotation ||
        next.rotation.practiceId !== current.practiceId ||
        next.rotation.generation !== current.generation + 1
      ) {
        throw translatedError('INVALID_REQUEST', 'sync.main.notNextKey');
      }
      return { ...sealed, pendingKey: step.newKey };
    }
    case 'promote': {
      // Already promoted (a repeated answer): nothing changes.
      if (sealed.practiceKey === step.newKey) return sealed;
      if (sealed.pendingKey !== step.newKey) {
        throw translatedError('INVALID_REQUEST', 'sync.main.notChangingTo');
      }
      return { ...rest, practiceKey: step.newKey, previousKey: sealed.practiceKey };
    }
    case 'abandon':
      return sealed.pendingKey === step.newKey ? { ...rest, ...keep('previousKey', sealed) } : sealed;
    case 'finished':
      // Only the key that was re-encrypted away from: a later rotation's previous key stays.
      return sealed.previousKey === step.previousKey ? { ...rest, ...keep('pendingKey', sealed) } : sealed;
  }
}

function keep(field: 'pendingKey' | 'previousKey', sealed: SealedSecrets): Partial<SealedSecrets> {
  const value = sealed[field];
  return value ? { [field]: value } : {};
}

/**
 * The key to keep as previous when this computer pairs again with a newer key of the same
 * practice (its key was replaced): its old key opens the documents it wrote before, so it can
 * re-encrypt them and mark them deleted. Undefined for a first setup or another practice.
 */
export async function previousKeyOnPairing(
  old: SealedSecrets | null,
  newKey: string,
): Promise<string | undefined> {
  if (!old) return undefined;
  const [before, after] = await Promise.all([
    practiceKeysFromText(old.practiceKey),
    practiceKeysFromText(newKey),
  ]);
  if (!before || !after || before.practiceId !== after.practiceId) return undefined;
  if (after.generation <= before.generation) return old.previousKey;
  return old.practiceKey;
}
