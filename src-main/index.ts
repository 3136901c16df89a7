import os from 'node:os';
import path from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { resolveLanguage } from '../src-shared/i18n';
import { BEFORE_QUIT_EVENT, NAVIGATE_EVENT, type NavigateDirection } from '../src-shared/ipc';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { contentSecurityPolicyFor } from './csp';
import { createMainHandlers } from './handlers';
import { createMainLanguage } from './i18n';
import { createDispatcher, registerChannels } from './ipc';
import { buildMenuTemplate } from './menu';
import { createQuitHandshake } from './quit-handshake';
import { lockDownSession, lockDownWebContents } from './security';
import { electronSecureStore } from './services/backups/electron-secure-store';
import { electronDialogs } from './services/files/electron-dialogs';
import { electronPrinter } from './services/print/electron-printer';
import { lockDownSpellcheck } from './spellcheck';
import { installCertificatePin } from './sync/certificate-pin';
import { SyncConfigStore } from './sync/sync-config-store';
import { APP_SCHEME, isTrustedAppUrl } from './trusted-url';
import { createMainWindow } from './window';

// App lifecycle only: every decision lives in a small module beside this one.

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const log = (event: string, detail: string) => console.warn(`[stillpoint:${event}] ${detail}`);
let mainWindow: BrowserWindow | null = null;

// The renderer may back up at quit (Backup → "When the app quits"): give it up to 2 minutes.
const quitHandshake = createQuitHandshake({
  notifyRenderer: () => {
    if (!mainWindow || mainWindow.isDestroyed()) return false;
    mainWindow.webContents.send(BEFORE_QUIT_EVENT);
    return true;
  },
  quit: () => app.quit(),
  timeoutMs: 120_000,
});

/** Back or Forward through the page's screens, from the Go menu or the mouse. */
function navigate(direction: NavigateDirection): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  mainWindow.webContents.send(NAVIGATE_EVENT, direction);
}

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database twice; hand over to the first and leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, { devServerUrl, log }));

  app.whenReady().then(() => {
    const rendererRoot = path.join(__dirname, '../renderer');
    const secureStore = electronSecureStore();
    // Practice sync: off unless sync.json says otherwise; its one origin is asked per request.
    const syncConfig = new SyncConfigStore(app.getPath('userData'), secureStore);
    const syncOrigin = () => syncConfig.allowedOrigin();
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        rendererRoot,
        fetchFile: (fileUrl) => net.fetch(fileUrl),
        contentSecurityPolicy: () => contentSecurityPolicyFor(syncOrigin()),
      }),
    );
    lockDownSession(session.defaultSession, { devServerUrl, log, syncOrigin });
    // A self-signed sync server: exactly its pinned certificate, for its host only.
    installCertificatePin(session.defaultSession, () => syncConfig.certificatePin());
    lockDownSpellcheck(session.defaultSession, process.platform);

    // The system's language until the renderer says which one the therapist chose (Settings).
    const language = createMainLanguage(resolveLanguage(app.getPreferredSystemLanguages()), () => setMenu());
    const handlers = createMainHandlers({
      language,
      appName: app.getName(),
      appVersion: app.getVersion(),
      platform: process.platform,
      userDataDir: app.getPath('userData'),
      resourcesDir: app.isPackaged ? process.resourcesPath : path.join(__dirname, '../../resources'),
      dialogs: electronDialogs(() => mainWindow),
      printer: electronPrinter(),
      secureStore,
      syncConfig,
      now: () => new Date(),
      quitReady: () => quitHandshake.rendererReady(),
      harness: false,
      hostname: () => os.hostname(),
    });
    registerChannels(
      ipcMain,
      createDispatcher(handlers, {
        isTrustedSender: (s) => isTrustedAppUrl(s.url, devServerUrl),
        log,
        translate: language.t,
      }),
    );

    app.setAboutPanelOptions({ applicationName: 'Stillpoint', applicationVersion: app.getVersion() });
    const showAbout = () =>
      void dialog.showMessageBox({
        type: 'info',
        title: language.t('menu.aboutTitle', { appName: 'Stillpoint' }),
        message: `Stillpoint ${app.getVersion()}`,
        detail: language.t('menu.aboutDetail'),
      });
    // Built again whenever the app's language changes.
    function setMenu() {
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            appName: 'Stillpoint',
            isMac: process.platform === 'darwin',
            showAbout,
            navigate,
            t: language.t,
          }),
        ),
      );
    }
    setMenu();

    mainWindow = createMainWindow({
      preloadPath: path.join(__dirname, '../preload/index.js'),
      windowStateFile: path.join(app.getPath('userData'), 'window-state.json'),
      devServerUrl,
      log,
      // Closing the window quits the app: go through the quit handshake first.
      onCloseRequested: (event) => {
        if (!quitHandshake.holdsWindowClose()) return;
        event.preventDefault();
        app.quit();
      },
    });
    // The mouse's back and forward buttons reach Windows apps as app commands; elsewhere the
    // page sees them as mouse buttons 3 and 4 (app/history.ts), so only Windows listens here.
    if (process.platform === 'win32') {
      mainWindow.on('app-command', (_event, command) => {
        if (command === 'browser-backward') navigate('back');
        if (command === 'browser-forward') navigate('forward');
      });
    }
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('before-quit', (event) => quitHandshake.beforeQuit(event));
  app.on('window-all-closed', () => app.quit());
}
