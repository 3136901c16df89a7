import { z } from 'zod';

/** Record ids are random UUIDs: unique across computers, so merging two backups never collides. */
export const IdSchema = z.string().min(1).max(64);
export type Id = z.infer<typeof IdSchema>;

export function newId(): Id {
  return globalThis.crypto.randomUUID();
}
