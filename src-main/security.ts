import type { Session, WebContents } from 'electron';
import { isBlockedRequest, isTrustedAppUrl } from './trusted-url';

export type SecurityLog = (event: string, detail: string) => void;

export interface LockdownOptions {
  /** The electron-vite dev server, only while developing; undefined in a packaged build. */
  devServerUrl?: string;
  log: SecurityLog;
  /** The practice sync server's origin while sync is on (asked per request), else null. */
  syncOrigin?: () => string | null;
}

/**
 * Navigation is allowed only within the app's own pages (a reload or a hash change).
 * Everything else (javascript:, file:, data:, other hosts) is refused.
 */
export function isNavigationAllowed(targetUrl: string, devServerUrl?: string): boolean {
  return isTrustedAppUrl(targetUrl, devServerUrl);
}

/** Applies the per-window rules to every WebContents the app creates. */
export function lockDownWebContents(contents: WebContents, options: LockdownOptions): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!isNavigationAllowed(url, options.devServerUrl)) {
      event.preventDefault();
      options.log('navigation-denied', url);
    }
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url, options.devServerUrl)) {
      event.preventDefault();
      options.log('frame-navigation-denied', event.url);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    options.log('new-window-denied', url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log('webview-denied', '');
  });
}

/**
 * Session-wide rules: no permissions at all, and no request that leaves the computer, except
 * (sync on) to the practice server. Chromium's Local Network Access asks a permission before a
 * page reaches a server on the practice's network (a NAS, 192.168.x.x): that one permission is
 * granted only while sync is on, and only for a request to the practice server.
 */
export function lockDownSession(session: Session, options: LockdownOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    if (isLocalNetworkPermission(permission) && isForSyncServer(details, options)) {
      callback(true);
      return;
    }
    options.log('permission-denied', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(
    (_contents, permission, _origin, details) =>
      isLocalNetworkPermission(permission) && isForSyncServer(details, options),
  );
  session.webRequest.onBeforeRequest((details, callback) => {
    if (isBlockedRequest(details.url, options.devServerUrl, options.syncOrigin?.() ?? null)) {
      options.log('request-cancelled', details.url);
      callback({ cancel: true });
      return;
    }
    callback({});
  });
}

const LOCAL_NETWORK_PERMISSIONS = new Set(['local-network-access', 'local-network', 'loopback-network']);

function isLocalNetworkPermission(permission: string): boolean {
  return LOCAL_NETWORK_PERMISSIONS.has(permission);
}

/** Whether a permission request comes from the app's page while sync is on (see lockDownSession). */
function isForSyncServer(details: { requestingUrl?: string } | undefined, options: LockdownOptions): boolean {
  const origin = options.syncOrigin?.() ?? null;
  return (
    origin !== null &&
    details?.requestingUrl !== undefined &&
    isTrustedAppUrl(details.requestingUrl, options.devServerUrl)
  );
}
