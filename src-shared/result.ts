import type { MessageKey } from './i18n/catalogues';
import type { MessageValues } from './i18n/translator';
/**
 * The envelope every IPC answer travels in. Main never throws across IPC: a failure is data,
 * with a stable code for code and a message written for a therapist, never a stack trace.
 */
export const ipcErrorCodes = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'CANCELLED',
  'NOT_FOUND',
  'FILE_WRITE_FAILED',
  'FILE_READ_FAILED',
  'DISK_FULL',
  'PERMISSION_DENIED',
  'UNSUPPORTED',
  'INTERNAL',
] as const;

export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: IpcErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/**
 * An error a handler throws on purpose: its message is shown to the therapist as it is.
 * Anything else a handler throws becomes INTERNAL with a generic message.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    /**
     * The catalogue key the message was made from (src-shared/i18n), so the dispatcher can say
     * it in the language the app speaks; `message` is the English, for logs and tests.
     */
    readonly translation?: { key: MessageKey; values?: MessageValues },
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
