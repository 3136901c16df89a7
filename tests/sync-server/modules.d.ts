// express-pouchdb ships no types; the helper uses only its factory.
declare module 'express-pouchdb' {
  import type { Express } from 'express';

  function expressPouchDB(pouchDB: unknown, options?: Record<string, unknown>): Express;
  export = expressPouchDB;
}
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
declare module 'pouchdb-mapreduce';
