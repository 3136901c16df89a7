import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../src-shared/domain/settings';
import { setAuthorship } from '../db/authorship';
import { platform } from '../platform';
import { repositories } from './repositories';

/**
 * Tells the repositories who writes on this computer (`db/authorship.ts`): the therapist's name
 * from Settings → Practice, and this computer's name from Settings → Practice sync, or the
 * operating system's name for it while sync is off.
 */
export function useAuthorship(): void {
  const [computer, setComputer] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    void Promise.all([platform().syncStatus(), platform().appInfo()]).then(([status, info]) => {
      if (!live) return;
      const named = status.ok ? status.value.computerName : null;
      setComputer(named ?? (info.ok ? info.value.hostname : undefined));
    });
    return () => {
      live = false;
    };
  }, []);
  const author = useLiveQuery(
    () =>
      repositories()
        .settings.get(SETTINGS_KEYS.practice, PracticeSettingsSchema, emptyPracticeSettings('en'))
        .then((settings) => settings.therapistName)
        .catch(() => ''),
    [],
  );
  useEffect(() => {
    setAuthorship({ ...(author ? { author } : {}), ...(computer ? { computer } : {}) });
  }, [author, computer]);
}
