import { z } from 'zod';

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** The folder that holds this computer's Stillpoint data (IndexedDB lives inside it). */
  dataLocation: z.string(),
  platform: z.enum(['linux', 'darwin', 'win32', 'other']),
  /** The operating system's name for this computer: the default name of the computer in sync and on notes. */
  hostname: z.string().max(255).optional(),
  /** True when running in the test harness instead of real Electron. */
  harness: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
