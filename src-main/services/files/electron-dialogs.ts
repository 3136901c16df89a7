import { type BrowserWindow, dialog } from 'electron';
import type { FileDialogs } from './dialogs';

/** The real dialogs, attached to the main window so they are modal to it. */
export function electronDialogs(getWindow: () => BrowserWindow | null): FileDialogs {
  return {
    async chooseSavePath({ title, defaultFileName, filters }) {
      const window = getWindow();
      const options = { title, defaultPath: defaultFileName, filters };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenFile({ title, filters }) {
      const window = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder({ title }) {
      const window = getWindow();
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
