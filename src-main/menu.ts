import type { MenuItemConstructorOptions } from 'electron';

/**
 * The native menu: standard roles so undo, copy, paste, zoom and window handling behave as
 * on every other app of the platform, plus an About box.
 */
export function buildMenuTemplate(options: {
  appName: string;
  isMac: boolean;
  showAbout: () => void;
}): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `About ${options.appName}`, click: options.showAbout };
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
    { label: 'Window', role: 'windowMenu' },
    { label: 'Help', role: 'help', submenu: options.isMac ? [] : [about] },
  );
  return template;
}
