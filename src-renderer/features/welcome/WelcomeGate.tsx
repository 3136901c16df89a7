import { type ReactNode, useState } from 'react';
import { navigate } from '../../app/router';
import { Welcome } from './Welcome';
import { useWelcomeNeeded } from './welcome-state';

/**
 * On a fresh install, Welcome comes before the app. Once finished or skipped (stored in the
 * settings), or as soon as any client exists, the app shows as usual.
 */
export function WelcomeGate({ children }: { children: ReactNode }) {
  const needed = useWelcomeNeeded();
  const [done, setDone] = useState(false);
  if (needed === undefined) return null;
  if (needed && !done) {
    return (
      <main id="main-content" className="welcome-screen">
        <Welcome
          onDone={(next) => {
            setDone(true);
            navigate(next);
          }}
        />
      </main>
    );
  }
  return children;
}
