// pouchdb-browser's community types (@types/pouchdb-*) redeclare Node's Buffer globally and
// break the project's typing; the part of PouchDB that sync uses is declared here instead.
declare module 'pouchdb-browser' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  }
  export interface PouchError {
    status?: number;
    name?: string;
    message?: string;
    reason?: string;
  }
  export interface BulkResult {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: string | boolean;
    status?: number;
  }
  export interface ChangeRow {
    id: string;
    seq: number | string;
    deleted?: boolean;
    doc?: PouchDoc;
  }
  export interface ChangesFeed {
    on(event: 'change', listener: (change: ChangeRow) => void): ChangesFeed;
    on(event: 'error', listener: (error: PouchError) => void): ChangesFeed;
    cancel(): void;
  }
  export interface ReplicationInfo {
    direction?: 'push' | 'pull';
    change?: { docs_written?: number; pending?: number };
  }
  export interface SyncHandle {
    on(event: 'change', listener: (info: ReplicationInfo) => void): SyncHandle;
    on(event: 'active', listener: () => void): SyncHandle;
    on(event: 'paused', listener: (error?: PouchError) => void): SyncHandle;
    on(event: 'denied' | 'error', listener: (error: PouchError) => void): SyncHandle;
    on(event: 'complete', listener: () => void): SyncHandle;
    cancel(): void;
  }
  export interface Database {
    get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
    put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
    remove(id: string, rev: string): Promise<unknown>;
    /** An attachment's bytes: a Blob in the browser (a Buffer, so a Uint8Array, in Node). */
    getAttachment(docId: string, name: string, options?: { rev?: string }): Promise<Blob | Uint8Array>;
    bulkDocs(docs: PouchDoc[]): Promise<BulkResult[]>;
    allDocs(options: {
      include_docs?: boolean;
      conflicts?: boolean;
      keys?: string[];
      limit?: number;
      startkey?: string;
      skip?: number;
    }): Promise<{
      total_rows: number;
      rows: { id: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc }[];
    }>;
    changes(options: {
      since: number | string;
      include_docs?: boolean;
      conflicts?: boolean;
      limit?: number;
    }): Promise<{ results: ChangeRow[]; last_seq: number | string }>;
    changes(options: { live: true; since: 'now' | number | string }): ChangesFeed;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  export interface DatabaseOptions {
    auth?: { username: string; password: string };
    skip_setup?: boolean;
  }
  export interface PouchStatic {
    new (name: string, options?: DatabaseOptions): Database;
    sync(
      local: Database,
      remote: Database,
      options: {
        live: boolean;
        retry: boolean;
        batch_size?: number;
        back_off_function?: (delay: number) => number;
      },
    ): SyncHandle;
    /** One replication from `source` to `target`, to completion. */
    replicate(source: Database, target: Database, options?: { batch_size?: number }): Promise<unknown>;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
