import type { MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../src-shared/i18n';
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
  /** Labels in the app's language; roles (Undo, Copy ...) are labelled by Electron in the system's. */
  t: Translate;
}): MenuItemConstructorOptions[] {
  const { t } = options;
  const about: MenuItemConstructorOptions = {
    label: t('menu.about', { appName: options.appName }),
    click: options.showAbout,
  };
  // The page handles these keys itself (app/history.ts), in the browser harness too; the menu
  // only shows them, so one key press never moves twice.
  const go: MenuItemConstructorOptions = {
    label: t('menu.go'),
    submenu: [
      {
        label: t('menu.back'),
        accelerator: options.isMac ? 'Cmd+[' : 'Alt+Left',
        registerAccelerator: false,
        click: () => options.navigate('back'),
      },
      {
        label: t('menu.forward'),
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
    { label: t('menu.file'), submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: t('menu.edit'),
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
      label: t('menu.view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    go,
    { label: t('menu.window'), role: 'windowMenu' },
    { label: t('menu.help'), role: 'help', submenu: options.isMac ? [] : [about] },
  );
  return template;
}
