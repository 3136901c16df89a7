import { useEffect, useState } from 'react';
import type { AppInfo } from '../../src-shared/domain/app-info';
import { platform } from '../platform';

/** app:info from main, or an error message when main could not answer. */
export function useAppInfo(): { info?: AppInfo; error?: string } {
  const [state, setState] = useState<{ info?: AppInfo; error?: string }>({});
  useEffect(() => {
    let live = true;
    platform()
      .appInfo()
      .then((result) => {
        if (!live) return;
        setState(result.ok ? { info: result.value } : { error: result.error.message });
      })
      .catch((error: unknown) => live && setState({ error: String(error) }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
