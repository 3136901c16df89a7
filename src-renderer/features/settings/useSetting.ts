import { useLiveQuery } from 'dexie-react-hooks';
import type { z } from 'zod';
import { repositories } from '../../app/repositories';

/** A settings group, live: undefined while loading, the fallback when never saved. */
export function useSetting<S extends z.ZodType>(
  key: string,
  schema: S,
  fallback: z.output<S>,
): z.output<S> | undefined {
  return useLiveQuery(() => repositories().settings.get(key, schema, fallback), [key]);
}
