import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; loaded?: string; handlers: Record<string, () => void> }[] =
  [];

vi.mock('electron', () => {
  class BrowserWindow {
    private record: (typeof created)[number];
    webContents = {
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
    };
    constructor(options: Record<string, unknown>) {
      this.record = { options, handlers: {} };
      created.push(this.record);
    }
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
    once(event: string, handler: () => void) {
      this.record.handlers[event] = handler;
    }
    on(event: string, handler: () => void) {
      this.record.handlers[event] = handler;
    }
    maximize = vi.fn();
    show = vi.fn();
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 40, y: 60, width: 1100, height: 700 });
  }
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
});

const { createMainWindow } = await import('../../../src-main/window');
const { buildMenuTemplate } = await import('../../../src-main/menu');
const { translatorFor } = await import('../../../src-shared/i18n');
const t = translatorFor('en');
const { fitToDisplays } = await import('../../../src-main/window-state');

describe('the main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('has every renderer protection switched on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-window-'));
    createMainWindow({
      preloadPath: '/app/preload.js',
      windowStateFile: path.join(dir, 'w.json'),
      log: vi.fn(),
    });
    expect(created[0]!.options.webPreferences).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  // Issue 13, finding 8: spellcheck must never download Hunspell dictionaries.
  it.each([
    ['darwin', true],
    ['win32', true],
    ['linux', false],
    ['freebsd', false],
  ] as const)('checks spelling on %s only if the operating system does it: %s', (platform, spellcheck) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-window-'));
    createMainWindow({
      preloadPath: '/app/preload.js',
      windowStateFile: path.join(dir, 'w.json'),
      log: vi.fn(),
      platform,
    });
    expect(created[0]!.options.webPreferences).toMatchObject({ spellcheck });
  });

  it('loads the app from app://, never file://, and remembers its size and position', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-window-'));
    const stateFile = path.join(dir, 'window-state.json');
    fs.writeFileSync(
      stateFile,
      JSON.stringify({ x: 100, y: 80, width: 1000, height: 700, maximized: false }),
    );
    createMainWindow({ preloadPath: '/app/preload.js', windowStateFile: stateFile, log: vi.fn() });
    const window = created[0]!;
    expect(window.loaded).toBe('app://stillpoint/index.html');
    expect(window.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });

    (window.handlers.close as unknown as (event: unknown) => void)({
      preventDefault() {},
      defaultPrevented: false,
    });
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8'))).toEqual({
      x: 40,
      y: 60,
      width: 1100,
      height: 700,
      maximized: false,
    });
  });

  it('starts at a default size when the saved state is damaged', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-window-'));
    const stateFile = path.join(dir, 'window-state.json');
    fs.writeFileSync(stateFile, '{not json');
    createMainWindow({ preloadPath: '/p.js', windowStateFile: stateFile, log: vi.fn() });
    expect(created[0]!.options).toMatchObject({ width: 1280, height: 820 });
    expect(created[0]!.options.x).toBeUndefined();
  });
});

describe('fitToDisplays', () => {
  const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];
  it('keeps a position that is still on screen', () => {
    const state = { x: 10, y: 10, width: 800, height: 600, maximized: false };
    expect(fitToDisplays(state, laptop)).toEqual(state);
  });
  it('drops the position of a window left on an unplugged monitor, keeping its size', () => {
    const state = { x: 2500, y: 100, width: 800, height: 600, maximized: true };
    expect(fitToDisplays(state, laptop)).toEqual({ width: 800, height: 600, maximized: true });
  });
});

describe('the native menu', () => {
  it('speaks the language it is given, from the catalogue', () => {
    const template = buildMenuTemplate({
      appName: 'Stillpoint',
      isMac: false,
      showAbout: vi.fn(),
      navigate: vi.fn(),
      t: translatorFor('de'),
    });
    expect(template.map((item) => item.label)).toEqual([
      'Datei',
      'Bearbeiten',
      'Ansicht',
      'Gehe zu',
      'Fenster',
      'Hilfe',
    ]);
    const help = template.at(-1)?.submenu as { label?: string }[];
    expect(help.map((item) => item.label)).toEqual(['Über Stillpoint']);
  });

  it('offers the standard edit, view and window roles and an About box', () => {
    const showAbout = vi.fn();
    for (const isMac of [true, false]) {
      const template = buildMenuTemplate({ appName: 'Stillpoint', isMac, showAbout, navigate: vi.fn(), t });
      const roles = JSON.stringify(template);
      for (const role of [
        'undo',
        'redo',
        'copy',
        'paste',
        'cut',
        'selectAll',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'windowMenu',
      ]) {
        expect(roles).toContain(`"${role}"`);
      }
      const about = template
        .flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []))
        .find((item) => item.label === 'About Stillpoint');
      expect(about).toBeDefined();
      (about!.click as () => void)();
    }
    expect(showAbout).toHaveBeenCalledTimes(2);
  });

  it('has Go > Back and Forward, shown with the platform keys the page itself handles', () => {
    for (const isMac of [true, false]) {
      const navigate = vi.fn();
      const template = buildMenuTemplate({ appName: 'Stillpoint', isMac, showAbout: vi.fn(), navigate, t });
      const go = template.find((item) => item.label === 'Go');
      const items = (Array.isArray(go?.submenu) ? go.submenu : []) as {
        label?: string;
        accelerator?: string;
        registerAccelerator?: boolean;
        click?: () => void;
      }[];
      expect(items.map((item) => [item.label, item.accelerator, item.registerAccelerator])).toEqual([
        ['Back', isMac ? 'Cmd+[' : 'Alt+Left', false],
        ['Forward', isMac ? 'Cmd+]' : 'Alt+Right', false],
      ]);
      items[0]!.click!();
      items[1]!.click!();
      expect(navigate.mock.calls).toEqual([['back'], ['forward']]);
    }
  });
});
