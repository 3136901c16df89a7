// The test server's packages ship no types (and @types/pouchdb-core redeclares Node's Buffer
// globally, which breaks the project's own typing): the little the helper uses, declared here.
declare module 'express' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';

  interface Request extends IncomingMessage {
    method: string;
    path: string;
  }
  interface Response extends ServerResponse {
    status(code: number): Response;
    end(): Response;
  }
  type Handler = (req: Request, res: Response, next: () => void) => void;
  interface Express {
    (req: IncomingMessage, res: ServerResponse): void;
    use(handler: Handler): void;
    use(path: string, app: Express): void;
    listen(port: number, host: string, ready: () => void): Server;
  }
  function express(): Express;
  namespace express {
    export type { Express, Request };
  }
  export = express;
}
declare module 'express-pouchdb' {
  import type { Express } from 'express';

  function expressPouchDB(pouchDB: unknown, options?: Record<string, unknown>): Express;
  export = expressPouchDB;
}
declare module 'pouchdb-core' {
  interface AllDocsRow {
    id: string;
    doc?: Record<string, unknown> & { _conflicts?: string[] };
  }
  interface Database {
    info(): Promise<unknown>;
    get(id: string, options?: { rev?: string }): Promise<Record<string, unknown>>;
    allDocs(options: { include_docs: true; conflicts?: boolean }): Promise<{ rows: AllDocsRow[] }>;
  }
  interface PouchStatic {
    new (name: string): Database;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: Record<string, unknown>): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export = PouchDB;
}
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
declare module 'pouchdb-mapreduce';
