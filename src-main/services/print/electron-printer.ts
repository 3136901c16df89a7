import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { Printer } from '../files/dialogs';

/**
 * Prints a finished PDF: Chromium's own PDF viewer loads it in a hidden, sandboxed window
 * with no preload and no Node, and the system print dialog opens on it.
 */
export function electronPrinter(): Printer {
  return {
    async printPdf(pdf, { title }) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stillpoint-print-'));
      const file = path.join(dir, 'aftercare.pdf');
      await fs.writeFile(file, pdf, { mode: 0o600 });
      const window = new BrowserWindow({
        show: false,
        title,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          plugins: true,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      try {
        await window.loadFile(file);
        const printed = await new Promise<boolean>((resolve) => {
          window.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
        });
        return { printed };
      } finally {
        window.destroy();
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
  };
}
