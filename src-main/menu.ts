import type { MenuItemConstructorOptions } from 'electron';
import type { NavigateDirection } from '../src-shared/ipc';

/**
 * The native menu: standard roles so undo, copy, paste, zoom and window handling behave as
 * on every other app of the platform, plus an About box.
 */
export function buildMenuTemplate(options: {
  appName: string;
  isMac: boolean;
  showAbout: () => void;
  /** Back or Forward through the app's screens (main sends NAVIGATE_EVENT to the page). */
  navigate: (direction: NavigateDirection) => void;
}): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `About ${options.appName}`, click: options.showAbout };
  // The page handles these keys itself (app/history.ts), in the browser harness too; the menu
  // only shows them, so one key press never moves twice.
  const go: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: [
      {
        label: 'Back',
        accelerator: options.isMac ? 'Cmd+[' : 'Alt+Left',
        registerAccelerator: false,
        click: () => options.navigate('back'),
      },
      {
        label: 'Forward',
        accelerator: options.isMac ? 'Cmd+]' : 'Alt+Right',
        registerAccelerator: false,
        click: () => options.navigate('forward'),
      },
    ],
  };
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: options.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    { label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    go,
    { label: 'Window', role: 'windowMenu' },
    { label: 'Help', role: 'help', submenu: options.isMac ? [] : [about] },
  );
  return template;
}
