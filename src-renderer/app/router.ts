import { useEffect, useState } from 'react';
import { confirmLeave, hasLeaveGuard } from './leave-guard';

/**
 * The app's places, kept in the URL hash so a reload returns to the same screen (and a
 * half-written note). Hash changes never leave the page, so the navigation lockdown holds.
 */
export type Route =
  | { name: 'clients' }
  | { name: 'new-client' }
  | { name: 'client'; clientId: string }
  | { name: 'session'; clientId: string; sessionId: string }
  | { name: 'notes-to-sign' }
  | { name: 'settings' }
  | { name: 'sync-conflicts' }
  | { name: 'backup' }
  | { name: 'welcome' };

export type Section = 'clients' | 'notes-to-sign' | 'settings' | 'backup';

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth] = parts;
  if (first === 'notes-to-sign') return { name: 'notes-to-sign' };
  if (first === 'settings') return { name: 'settings' };
  if (first === 'sync-conflicts') return { name: 'sync-conflicts' };
  if (first === 'backup') return { name: 'backup' };
  if (first === 'welcome') return { name: 'welcome' };
  if (first === 'clients' && second === 'new') return { name: 'new-client' };
  if (first === 'clients' && second && third === 'sessions' && fourth) {
    return { name: 'session', clientId: second, sessionId: fourth };
  }
  if (first === 'clients' && second) return { name: 'client', clientId: second };
  return { name: 'clients' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'clients':
      return '#/clients';
    case 'new-client':
      return '#/clients/new';
    case 'client':
      return `#/clients/${encodeURIComponent(route.clientId)}`;
    case 'session':
      return `#/clients/${encodeURIComponent(route.clientId)}/sessions/${encodeURIComponent(route.sessionId)}`;
    case 'notes-to-sign':
      return '#/notes-to-sign';
    case 'settings':
      return '#/settings';
    case 'sync-conflicts':
      return '#/sync-conflicts';
    case 'backup':
      return '#/backup';
    case 'welcome':
      return '#/welcome';
  }
}

export function sectionOf(route: Route): Section {
  if (route.name === 'notes-to-sign') return 'notes-to-sign';
  if (route.name === 'settings' || route.name === 'welcome' || route.name === 'sync-conflicts')
    return 'settings';
  if (route.name === 'backup') return 'backup';
  return 'clients';
}

/**
 * Moves to a screen. `replace`: the new screen takes the current one's place in the history,
 * for a screen that is finished once it leads on (a saved "New client" form), so Back does not
 * return to a form that was already used.
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeToHash(route);
  if (window.location.hash === hash) return;
  const go = () => {
    if (options.replace) window.location.replace(hash);
    else window.location.hash = hash;
  };
  // A screen with unsaved work may hold the move (leave-guard.ts); otherwise go at once.
  if (!hasLeaveGuard()) {
    go();
    return;
  }
  void confirmLeave().then((ok) => {
    if (ok) go();
  });
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
