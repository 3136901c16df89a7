import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import { durableDown } from './durable-down';
import { PouchDB } from './pouchdb-node';

/**
 * A real CouchDB-compatible server for the sync tests: express-pouchdb (the server half of
 * pouchdb-server, speaking CouchDB's HTTP and replication protocol) over PouchDB's in-memory
 * adapter, on 127.0.0.1 and a port the system picks. Apache CouchDB cannot be installed on these
 * machines; leveldown's native prebuilds may not download, hence memory.
 *
 * Set up the way docs/sync.md tells a practice to set up CouchDB: a server admin, one database,
 * one user who is the database's only member, and CORS for the app's origin.
 */
export interface SyncServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** The practice database's URL. */
  readonly databaseUrl: string;
  readonly databaseName: string;
  readonly user: string;
  readonly password: string;
  /** Every document the server stores (leaves of every revision, conflicts included), as JSON text. */
  rawDocuments(): Promise<Record<string, unknown>[]>;
  /** Stops listening (the data stays, as a CouchDB keeps its files when it is stopped). */
  stop(): Promise<void>;
  /** Listens again on the same port with the same data (a server restarted mid-sync). */
  restart(): Promise<void>;
  /** Requests answered so far, as "METHOD path" (for checking what the app sent). */
  readonly requests: string[];
}

const ADMIN = { name: 'admin', password: 'admin-secret' };

export interface SyncServerOptions {
  user?: string;
  password?: string;
  databaseName?: string;
  allowOrigin?: string;
  /**
   * Keep the databases as logs in this folder, so a server process killed and started again on
   * it has what it acknowledged (tests/sync-server/durable-down.ts); in memory without it.
   */
  dataDir?: string;
  /** Listen on this port (a restarted server process takes its old one); the system picks without. */
  port?: number;
  /** Sees each request first; calls `next` to let it through (the fault tests hold one there). */
  intercept?: (req: express.Request, next: () => void) => void;
}

export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  const user = options.user ?? 'practice';
  const password = options.password ?? 'practice-password';
  const databaseName = options.databaseName ?? 'stillpoint';
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-sync-server-'));
  // One in-memory namespace per server: the prefix keeps two servers in one process apart.
  const Memory = options.dataDir
    ? PouchDB.defaults({ adapter: 'memory', db: durableDown(options.dataDir) })
    : PouchDB.defaults({
        adapter: 'memory',
        prefix: `${path.basename(workDir)}-`,
      });
  const requests: string[] = [];
  const app = express();
  app.use((req, res, next) => {
    requests.push(`${req.method} ${req.path}`);
    // What CouchDB's [cors] section does when the app's origin is listed.
    const origin = req.headers.origin;
    if (origin && (options.allowOrigin === undefined || origin === options.allowOrigin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
      res.setHeader('Access-Control-Expose-Headers', 'content-type, cache-control, etag');
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    if (options.intercept) options.intercept(req, next);
    else next();
  });
  app.use(
    '/',
    expressPouchDB(Memory, {
      mode: 'fullCouchDB',
      inMemoryConfig: true,
      logPath: path.join(workDir, 'log.txt'),
      overrideMode: { exclude: ['routes/fauxton'] },
    }),
  );

  let server: Server = await listen(app, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const adminAuth = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(origin + url, {
      method,
      headers: { authorization: adminAuth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  // The server admin (CouchDB asks for one at install), then the practice's database and user.
  await fetch(`${origin}/_config/admins/${ADMIN.name}`, {
    method: 'PUT',
    body: JSON.stringify(ADMIN.password),
  });
  // express-pouchdb's own PUT /db cannot create a database with security on (a bug in its
  // wrapper), so the admin creates it here, as `curl -X PUT` would on CouchDB.
  await new Memory(databaseName).info();
  // A server started again on its data folder has its user already.
  const existing = await fetch(`${origin}/_users/org.couchdb.user:${user}`, {
    headers: { authorization: adminAuth },
  });
  if (existing.status === 404) {
    await call('PUT', `/_users/org.couchdb.user:${user}`, { name: user, password, roles: [], type: 'user' });
  }
  await call('PUT', `/${databaseName}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [user], roles: [] },
  });

  return {
    origin,
    databaseUrl: `${origin}/${databaseName}`,
    databaseName,
    user,
    password,
    requests,
    rawDocuments: async () => {
      const db = new Memory(databaseName);
      const all = await db.allDocs({ include_docs: true, conflicts: true });
      const docs: Record<string, unknown>[] = [];
      for (const row of all.rows) {
        if (!row.doc) continue;
        docs.push(row.doc);
        for (const rev of row.doc._conflicts ?? []) {
          docs.push(await db.get(row.id, { rev }));
        }
      }
      return docs;
    },
    stop: () => close(server),
    restart: async () => {
      server = await listen(app, port);
    },
  };
}

function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Long-polling _changes requests would keep it open: end them, as a stopped server does.
    server.closeAllConnections();
  });
}
