/**
 * The operating system's file dialogs, behind an interface so that main's handlers run the
 * same way in Electron and in the e2e harness (which answers them from the test).
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface FileDialogs {
  /** Absolute path chosen by the user, or null when they cancelled. */
  chooseSavePath(options: {
    title: string;
    defaultFileName: string;
    filters: FileFilter[];
  }): Promise<string | null>;
  chooseOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFolder(options: { title: string }): Promise<string | null>;
}

/** Sends a finished PDF to a printer, through the system print dialog. */
export interface Printer {
  printPdf(pdf: Uint8Array, options: { title: string }): Promise<{ printed: boolean }>;
}
