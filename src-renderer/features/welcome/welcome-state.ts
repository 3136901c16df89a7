import { useLiveQuery } from 'dexie-react-hooks';
import { SETTINGS_KEYS, WelcomeStateSchema } from '../../../src-shared/domain/settings';
import { repositories } from '../../app/repositories';

/**
 * Whether the Welcome screens open by themselves: on a fresh install only, that is with no
 * client stored and Welcome never finished or skipped. A practice that already has clients
 * (an upgrade, a restored backup) is never greeted as new.
 */
export function useWelcomeNeeded(): boolean | undefined {
  return useLiveQuery(async () => {
    const { settings, clients } = repositories();
    const state = await settings.get(SETTINGS_KEYS.welcome, WelcomeStateSchema.nullable(), null);
    if (state) return false;
    return !(await clients.hasAny());
  }, []);
}

/** Welcome is done (finished or skipped): it opens again only from Settings. */
export async function markWelcomeDone(now: Date = new Date()): Promise<void> {
  await repositories().settings.put(SETTINGS_KEYS.welcome, WelcomeStateSchema, { doneAt: now.toISOString() });
}

export function useSamplePractice() {
  return useLiveQuery(() => repositories().samplePractice.current(), []);
}
