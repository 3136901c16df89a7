import { type Translate, translatorFor } from '../../src-shared/i18n';

/**
 * Storage failures in words a therapist can act on. IndexedDB reports a full disk as a
 * QuotaExceededError, but rarely plainly: Dexie wraps it (Dexie.QuotaExceededError, or an
 * AbortError of the transaction with the real cause in `inner`), bulk writes collect it in
 * `failures`, and other code may chain it as `cause`. `isQuotaError` looks through all of those.
 */

/**
 * The words of these messages (`storage.errors.*`) in the app's language: app/i18n.tsx hands in
 * its `translate` at start, which always speaks the language of the moment. English until then
 * (and in unit tests that never set it).
 */
let say: Translate = translatorFor('en');

export function setStorageErrorTranslator(t: Translate): void {
  say = t;
}

/** The full-disk message in English (the catalogue's words), for tests and logs. */
export const DISK_FULL_MESSAGE = translatorFor('en')('storage.errors.diskFull');

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** The legacy DOMException code for a full quota (DOMException.QUOTA_EXCEEDED_ERR). */
const QUOTA_CODE = 22;
/** Wrappers nest a handful deep at most; the limit also guards against cycles. */
const MAX_DEPTH = 8;

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
  failuresByPos?: unknown;
  error?: unknown;
};

export function isQuotaError(error: unknown): boolean {
  return findError(error, isPlainQuotaError) !== undefined;
}

function isPlainQuotaError(error: ErrorLike): boolean {
  if (typeof error.name === 'string' && QUOTA_NAMES.has(error.name)) return true;
  // Older engines: a DOMException with the numeric code and a generic name.
  return typeof DOMException !== 'undefined' && error instanceof DOMException && error.code === QUOTA_CODE;
}

/** The first error in the chain (itself, inner, cause, failures) that matches. */
function findError(error: unknown, matches: (error: ErrorLike) => boolean): ErrorLike | undefined {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): ErrorLike | undefined => {
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value)) return undefined;
    seen.add(value);
    const candidate = value as ErrorLike;
    if (matches(candidate)) return candidate;
    const nested: unknown[] = [candidate.inner, candidate.cause, candidate.error];
    if (Array.isArray(candidate.failures)) nested.push(...candidate.failures);
    if (candidate.failuresByPos && typeof candidate.failuresByPos === 'object') {
      nested.push(...Object.values(candidate.failuresByPos));
    }
    for (const next of nested) {
      const found = visit(next, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(error, 0);
}

/**
 * A message for a failed save. A full disk gets its own message (the form keeps what was
 * typed); anything else is `context` followed by the error's own message, which for a
 * validation error names the field.
 */
export function describeStorageError(error: unknown, context?: string): string {
  if (isQuotaError(error)) return say('storage.errors.diskFull');
  const closed = findError(error, (e) => e.name === 'DatabaseClosedError' || e.name === 'VersionChangeError');
  const detail = closed ? say('storage.errors.closed') : messageOf(error);
  return context ? `${context}: ${detail}` : detail;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return say('storage.errors.unknown');
}
