import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { type LockdownOptions, lockDownWebContents } from './security';
import { usesOsSpellchecker } from './spellcheck';
import { APP_ENTRY_URL } from './trusted-url';
import { fitToDisplays, readWindowState, writeWindowState } from './window-state';

export interface MainWindowOptions extends LockdownOptions {
  preloadPath: string;
  windowStateFile: string;
  /** Called when the user closes the window; may preventDefault to finish work first. */
  onCloseRequested?: (event: { preventDefault(): void }) => void;
  /** Decides spellcheck (see spellcheck.ts); default: this computer's. */
  platform?: NodeJS.Platform;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const remembered = readWindowState(options.windowStateFile);
  const bounds = fitToDisplays(
    remembered,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Stillpoint',
    backgroundColor: '#f7f5f2',
    icon: path.join(__dirname, '../../resources/icons/icon.png'),
    // The renderer gets no Node, no Electron, and its own isolated, sandboxed world. Written
    // out here (not built by a helper) so scanners such as electronegativity can read it.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      // The OS spellchecker on macOS and Windows; off on Linux (it would download dictionaries).
      spellcheck: usesOsSpellchecker(options.platform ?? process.platform),
    },
  });
  lockDownWebContents(window.webContents, options);
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    options.onCloseRequested?.(event);
    if (event.defaultPrevented) return;
    const { x, y, width, height } = window.getNormalBounds();
    writeWindowState(options.windowStateFile, { x, y, width, height, maximized: window.isMaximized() });
  });
  void window.loadURL(options.devServerUrl ?? APP_ENTRY_URL);
  return window;
}
