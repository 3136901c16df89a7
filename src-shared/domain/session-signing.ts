import { parseStrict, ValidationError } from '../validation';
import { serviceDateError } from './date-rules';
import { type IsoDate, localToday } from './dates';
import { type Id, newId } from './ids';
import {
  type AddendumInput,
  AddendumSchema,
  makeSessionNoteInputSchema,
  SESSION_NOTE_MESSAGES,
  type SessionDraft,
  type SessionNote,
} from './session-note-schema';

/**
 * Signing a session note and what follows it: why a draft cannot be signed yet, the signed copy,
 * addenda, and the "a signed note is never edited" check. Pure: the repository saves.
 */

export function isSigned(note: Pick<SessionDraft, 'status'>): boolean {
  return note.status === 'signed';
}

/**
 * Why a note cannot be signed yet, as field path -> message (empty when it can), for showing
 * beside each field before the therapist presses "Sign note".
 */
export function signingProblems(note: SessionDraft, options: SigningOptions): Record<string, string> {
  try {
    signSessionNote(note, options);
    return {};
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const out: Record<string, string> = {};
    for (const line of error.issues) {
      const split = line.indexOf(': ');
      const [path, message] = split === -1 ? ['', line] : [line.slice(0, split), line.slice(split + 2)];
      if (!(path in out)) out[path] = message;
    }
    return out;
  }
}

/**
 * "Sign note": validates the draft strictly and returns the signed copy (status, signedAt,
 * signedBy). Throws a ValidationError naming every field that stops signing: a value out of
 * range, a session in the future, a safety finding not acknowledged, an AVOID finding without an
 * override reason. Pure: saving the result (and refusing later edits) is the repository's job.
 */
export function signSessionNote(note: SessionDraft, options: SigningOptions): SessionNote {
  if (isSigned(note))
    throw new ValidationError('Session note', [`status: ${SESSION_NOTE_MESSAGES.alreadySigned}`]);
  const at = options.now.toISOString();
  const today = localToday(options.now);
  const signedBy = options.by.trim();
  const candidate = {
    ...note,
    status: 'signed',
    signedAt: at,
    signedBy,
    ...(options.computer ? { signedOnComputer: options.computer } : {}),
    updatedAt: at,
  };
  // Checked here as well as in the schema: the schema's cross-field check is skipped when another
  // field has the wrong type, and a missing signer must always be named. The date of service
  // follows the shared date rules (date-rules.ts), which also know the client's date of birth.
  const extra = signedBy ? [] : [`signedBy: ${SESSION_NOTE_MESSAGES.signedBy}`];
  const dateError = serviceDateError(note.serviceDate, { today, dateOfBirth: options.dateOfBirth ?? null });
  if (dateError) extra.unshift(`serviceDate: ${dateError}`);
  return parseStrict(makeSessionNoteInputSchema(today), candidate, 'Session note', extra);
}

export interface SigningOptions {
  by: string;
  /** The computer it is signed on, recorded with the signature. */
  computer?: string;
  now: Date;
  /** The client's date of birth: a session cannot be dated before it. */
  dateOfBirth?: IsoDate | null;
}

/**
 * "Add addendum": a correction or late entry appended to a signed note. The original stays as it
 * was; only `addenda` grows (and `updatedAt`, so a backup merge sees the newer copy).
 */
export function addAddendum(
  note: SessionNote,
  input: AddendumInput,
  options: { author: string; now: Date; id?: Id; computer?: string },
): SessionNote {
  if (!isSigned(note))
    throw new ValidationError('Addendum', [`status: ${SESSION_NOTE_MESSAGES.addendaOnDraft}`]);
  const at = options.now.toISOString();
  const addendum = parseStrict(
    AddendumSchema,
    {
      ...input,
      id: options.id ?? newId(),
      author: options.author,
      createdAt: at,
      ...(options.computer ? { computer: options.computer } : {}),
    },
    'Addendum',
  );
  return { ...note, addenda: [...note.addenda, addendum], updatedAt: at };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * For the repository's "a signed note is never edited" rule: the fields `after` changed compared
 * with the stored signed note `before`. Appending addenda and moving `updatedAt` are allowed, so
 * an empty list means the write may go ahead.
 */
export function signedNoteChanges(before: SessionDraft, after: SessionDraft): string[] {
  const changed: string[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof SessionDraft>;
  for (const key of keys) {
    if (key === 'updatedAt' || key === 'addenda') continue;
    if (!sameValue(before[key], after[key])) changed.push(key);
  }
  const kept = after.addenda.slice(0, before.addenda.length);
  if (after.addenda.length < before.addenda.length || !sameValue(kept, before.addenda))
    changed.push('addenda');
  return changed;
}
