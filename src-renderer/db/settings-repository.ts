import type { z } from 'zod';
import type { StillpointDatabase } from './database';

/**
 * Practice settings, one row per key, each with its own schema. A stored value that no longer
 * fits its schema (say, from a damaged restore) falls back to the default rather than
 * breaking the screen that reads it.
 */
export class SettingsRepository {
  constructor(private readonly db: StillpointDatabase) {}

  async get<S extends z.ZodType>(key: string, schema: S, fallback: z.output<S>): Promise<z.output<S>> {
    const row = await this.db.settings.get(key);
    if (!row) return fallback;
    const parsed = schema.safeParse(row.value);
    return parsed.success ? parsed.data : fallback;
  }

  async put<S extends z.ZodType>(key: string, schema: S, value: z.input<S>): Promise<z.output<S>> {
    const valid = schema.parse(value);
    await this.db.settings.put({ key, value: valid, updatedAt: new Date().toISOString() });
    return valid;
  }
}
