import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { contentSecurityPolicyFor } from '../../../src-main/csp';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher, type Dispatch } from '../../../src-main/ipc';
import type { SecureStore } from '../../../src-main/services/backups/secure-store';
import type { FileDialogs, Printer } from '../../../src-main/services/files/dialogs';
import { SyncConfigStore } from '../../../src-main/sync/sync-config-store';
import { isBlockedRequest } from '../../../src-main/trusted-url';
import type { KeyStorage } from '../../../src-shared/domain/backup-settings';
import { channelMethods, channels } from '../../../src-shared/ipc';
import { fulfillStaticFile, resolveStaticFile } from './static-files';
import { BYTES_TAG, decodeFromWire, encodeForWire, installBridgeInPage } from './wire';

/** The secure origin the renderer is served from in tests (WebCrypto needs a secure context). */
export const TEST_ORIGIN = 'https://stillpoint.test';
export const APP_URL = `${TEST_ORIGIN}/index.html`;
const BINDING = '__stillpointInvoke';
const repoRoot = path.resolve(__dirname, '../../..');
const rendererRoot = path.join(repoRoot, 'out/renderer');

/**
 * The operating system as the app's main process sees it, for one test: a data folder of its
 * own, file dialogs answered by the test, a printer that writes its PDFs to disk, and the
 * real main-process handlers behind the same dispatcher Electron uses.
 */
export class Harness {
  readonly userDataDir: string;
  readonly defaultSaveDir: string;
  private readonly saved: string[] = [];
  private readonly openQueue: string[] = [];
  private readonly saveQueue: string[] = [];
  private readonly folderQueue: string[] = [];
  private readonly requestLog: string[] = [];
  private readonly blockedLog: string[] = [];
  /** Requests let through to the practice sync server (sync on). */
  readonly syncRequestLog: string[] = [];
  readonly securityLog: string[] = [];
  readonly dispatch: Dispatch;
  readonly deps: MainDeps;
  /** Main's practice-sync settings: the one origin the request filter and the CSP let through. */
  readonly syncConfig: SyncConfigStore;

  constructor(readonly baseDir: string) {
    this.userDataDir = path.join(baseDir, 'user-data');
    this.defaultSaveDir = path.join(baseDir, 'saved');
    fs.mkdirSync(this.userDataDir, { recursive: true });
    fs.mkdirSync(this.defaultSaveDir, { recursive: true });
    const secureStore = this.secureStore();
    this.syncConfig = new SyncConfigStore(this.userDataDir, secureStore);
    this.deps = {
      appName: 'Stillpoint',
      appVersion: readAppVersion(),
      platform: process.platform,
      userDataDir: this.userDataDir,
      resourcesDir: path.join(repoRoot, 'resources'),
      dialogs: this.dialogs(),
      printer: this.printer(),
      secureStore,
      syncConfig: this.syncConfig,
      now: () => new Date(),
      quitReady: () => {
        if (!this.quitRequested) return false;
        this.quitRequested = false;
        this.quitsCompleted += 1;
        for (const answered of this.quitWaiters.splice(0)) answered();
        return true;
      },
      harness: true,
      hostname: () => 'practice-computer',
    };
    this.dispatch = createDispatcher(createMainHandlers(this.deps), {
      isTrustedSender: (sender) => sender.url.startsWith(`${TEST_ORIGIN}/`),
      log: (event, detail) => this.securityLog.push(`${event}: ${detail}`),
    });
  }

  /** Absolute paths of every file the app wrote through a save dialog or printing, oldest first. */
  async savedFiles(): Promise<string[]> {
    return this.saved.filter((file) => fs.existsSync(file));
  }

  /** The file the next open dialog returns. */
  nextOpenFile(file: string): void {
    this.openQueue.push(file);
  }

  /** Where the next save goes (default: a fresh file in this test's temp folder). */
  nextSavePath(file: string): void {
    this.saveQueue.push(file);
  }

  /** The folder the next folder dialog returns. */
  nextFolder(folder: string): void {
    this.folderQueue.push(folder);
  }

  /**
   * The channels the page called, in the order the calls arrived (noted before each is handled),
   * so a test can tell that a call was never made once a later call has come back.
   */
  readonly calls: string[] = [];

  /** Sets up a backup folder as if the therapist had chosen one in Backup; returns its path. */
  async chooseBackupFolder(): Promise<string> {
    const folder = path.join(this.baseDir, 'backups');
    fs.mkdirSync(folder, { recursive: true });
    this.nextFolder(folder);
    const answer = await this.dispatch('backup:choose-folder', undefined, {
      url: APP_URL,
      isMainFrame: true,
    });
    if (!answer.ok) throw new Error(answer.error.message);
    return folder;
  }

  /** Go > Back or Go > Forward in the native menu: main's navigate event, as the preload delivers it. */
  async menuNavigate(page: Page, direction: 'back' | 'forward'): Promise<void> {
    const listeners = await page.evaluate(
      (d) =>
        (
          window as unknown as { __stillpointHarnessNavigate: (d: string) => number }
        ).__stillpointHarnessNavigate(d),
      direction,
    );
    if (listeners === 0) throw new Error('The page does not listen for Back and Forward from the menu.');
  }

  /** Every URL the page asked for, and those refused because they left the app. */
  requests(): string[] {
    return [...this.requestLog];
  }
  blockedRequests(): string[] {
    return [...this.blockedLog];
  }

  /** Serves the built renderer under the test origin and refuses everything else. */
  async attachContext(context: BrowserContext): Promise<void> {
    if (!fs.existsSync(path.join(rendererRoot, 'index.html'))) {
      throw new Error('The renderer is not built: run `npm run build` (npm run test:e2e does it for you).');
    }
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      this.requestLog.push(url);
      const syncOrigin = this.syncConfig.allowedOrigin();
      if (!url.startsWith(`${TEST_ORIGIN}/`) && !isBlockedRequest(url, undefined, syncOrigin)) {
        // Practice sync is on and this is its server: the same rule main's request filter applies.
        this.syncRequestLog.push(url);
        await route.continue();
        return;
      }
      if (!url.startsWith(`${TEST_ORIGIN}/`)) {
        this.blockedLog.push(url);
        this.securityLog.push(`request-cancelled: ${url}`);
        await route.abort('blockedbyclient');
        return;
      }
      await fulfillStaticFile(
        route,
        resolveStaticFile(rendererRoot, new URL(url).pathname),
        contentSecurityPolicyFor(syncOrigin),
      );
    });
    // A WebSocket never reaches route(); refuse those too.
    await context.routeWebSocket(/.*/, (ws) => {
      this.blockedLog.push(ws.url());
      void ws.close();
    });
  }

  /** Defines window.stillpoint in the page, wired to main's handlers running here in Node. */
  async attachPage(page: Page): Promise<void> {
    await page.exposeBinding(BINDING, async (source, channelName: unknown, payload: unknown) => {
      this.calls.push(String(channelName));
      const sender = { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() };
      const result = await this.dispatch(String(channelName), decodeFromWire(payload), sender);
      return encodeForWire(result);
    });
    await page.addInitScript(installBridgeInPage, {
      methods: channelMethods.map((method) => [method, channels[method].name] as [string, string]),
      tag: BYTES_TAG,
      binding: BINDING,
    });
  }

  private quitRequested = false;
  private readonly quitWaiters: (() => void)[] = [];
  /** How many times the page answered a quit request (main would have closed the app). */
  quitsCompleted = 0;

  /**
   * What main does when the user quits: tells the page, which does its quit-time work (the
   * backup at quit) and answers on app:quit-ready. Resolves when the page has answered.
   */
  async requestQuit(page: Page, timeoutMs = 60_000): Promise<void> {
    this.quitRequested = true;
    const answered = new Promise<void>((resolve) => this.quitWaiters.push(resolve));
    await page.evaluate(() =>
      (window as unknown as { __stillpointHarnessBeforeQuit: () => number }).__stillpointHarnessBeforeQuit(),
    );
    let giveUp: ReturnType<typeof setTimeout> | undefined;
    const tooLate = new Promise<never>((_, reject) => {
      giveUp = setTimeout(
        () => reject(new Error('The page did not answer the quit request in time.')),
        timeoutMs,
      );
    });
    try {
      await Promise.race([answered, tooLate]);
    } finally {
      clearTimeout(giveUp);
    }
  }

  /** How well the stand-in OS key store protects secrets (tests can make it insecure). */
  keyStorage: KeyStorage = 'secure';

  private secureStore(): SecureStore {
    // Stands in for the OS key store: reversible, and marked so a test can tell it was used.
    return {
      storage: () => this.keyStorage,
      encrypt: (text) =>
        new Uint8Array(Buffer.from(`harness-sealed:${Buffer.from(text).toString('base64')}`)),
      decrypt: (data) => {
        const text = Buffer.from(data).toString();
        if (!text.startsWith('harness-sealed:')) throw new Error('not sealed by this store');
        return Buffer.from(text.slice('harness-sealed:'.length), 'base64').toString();
      },
    };
  }

  private dialogs(): FileDialogs {
    return {
      chooseSavePath: async ({ defaultFileName }) => {
        const target = this.saveQueue.shift() ?? uniquePath(this.defaultSaveDir, defaultFileName);
        this.saved.push(target);
        return target;
      },
      chooseOpenFile: async () => this.openQueue.shift() ?? null,
      chooseFolder: async () => this.folderQueue.shift() ?? null,
    };
  }

  private printer(): Printer {
    return {
      printPdf: async (pdf, { title }) => {
        const safeTitle = title.replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 80) || 'printout';
        const target = uniquePath(path.join(this.baseDir, 'printed'), `${safeTitle}.pdf`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, pdf);
        this.saved.push(target);
        return { printed: true };
      },
    };
  }
}

function uniquePath(dir: string, fileName: string): string {
  const ext = path.extname(fileName);
  const stem = path.basename(fileName, ext);
  let candidate = path.join(dir, fileName);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(dir, `${stem} (${n})${ext}`);
  return candidate;
}

function readAppVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
}
