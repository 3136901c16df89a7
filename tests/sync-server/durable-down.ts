import fs from 'node:fs';
import path from 'node:path';
import MemDOWN from 'memdown';

/**
 * A LevelDOWN store for the test server that survives its process being killed: memdown's tree,
 * with every write appended to a log file before it is acknowledged, and the log replayed when
 * the store opens. So express-pouchdb over it keeps what it acknowledged across a SIGKILL, as
 * CouchDB keeps its files; leveldown's native build is not available on these machines.
 *
 * One write (a put, a delete, or a batch: PouchDB stores a whole `_bulk_docs` as one batch) is
 * one line written with one `write` call, so a kill leaves either all of it or, at worst, a torn
 * last line, which the replay drops (the write was never acknowledged). There is no fsync: a
 * killed process loses nothing the kernel already holds, and the tests do not crash the machine.
 */
type Key = string | Buffer;
type Op = { type: 'put' | 'del'; key: Key; value?: unknown };
type Stored = string | { b: string };

interface MemDownInstance {
  _put(key: Key, value: unknown, options: unknown, callback: (error?: Error) => void): void;
  _del(key: Key, options: unknown, callback: (error?: Error) => void): void;
  _batch(ops: Op[], options: unknown, callback: (error?: Error) => void): void;
}

function encode(value: unknown): Stored {
  if (Buffer.isBuffer(value)) return { b: value.toString('base64') };
  return value === undefined || value === null ? '' : String(value);
}

function decode(value: Stored): string | Buffer {
  return typeof value === 'string' ? value : Buffer.from(value.b, 'base64');
}

/** A leveldown factory whose stores live as logs in `dir` (one file per database name). */
export function durableDown(dir: string): (location: string) => unknown {
  fs.mkdirSync(dir, { recursive: true });
  const memProto = (MemDOWN as unknown as { prototype: MemDownInstance }).prototype;

  // leveldb-core caches stores by the factory's function name: keep it distinct from memdown's.
  function DurableDOWN(this: unknown, location: string): unknown {
    // An unnamed memdown keeps its own tree (a named one shares memdown's global store).
    const store = (MemDOWN as unknown as (location?: string) => MemDownInstance)();
    const file = path.join(dir, `${encodeURIComponent(location)}.log`);
    replay(store, file);
    const fd = fs.openSync(file, 'a');
    const append = (ops: [string, Stored, Stored?][]) => fs.writeSync(fd, `${JSON.stringify(ops)}\n`);
    const instance = store as MemDownInstance & Record<string, unknown>;
    instance._put = (key, value, options, callback) => {
      append([['put', encode(key), encode(value)]]);
      memProto._put.call(store, key, value, options, callback);
    };
    instance._del = (key, options, callback) => {
      append([['del', encode(key)]]);
      memProto._del.call(store, key, options, callback);
    };
    instance._batch = (ops, options, callback) => {
      append(
        ops
          .filter(Boolean)
          .map((op) =>
            op.type === 'put' ? ['put', encode(op.key), encode(op.value)] : ['del', encode(op.key)],
          ),
      );
      memProto._batch.call(store, ops, options, callback);
    };
    return store;
  }
  return DurableDOWN as unknown as (location: string) => unknown;
}

function replay(store: MemDownInstance, file: string): void {
  if (!fs.existsSync(file)) return;
  const ops: Op[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    let entries: [string, Stored, Stored?][];
    try {
      entries = JSON.parse(line) as [string, Stored, Stored?][];
    } catch {
      break; // a torn last line: the write it began was never acknowledged
    }
    for (const [type, key, value] of entries) {
      ops.push(
        type === 'put'
          ? { type: 'put', key: decode(key), value: decode(value ?? '') }
          : { type: 'del', key: decode(key) },
      );
    }
  }
  // memdown's batch applies synchronously (only its callback is deferred).
  const memProto = (MemDOWN as unknown as { prototype: MemDownInstance }).prototype;
  memProto._batch.call(store, ops, {}, () => undefined);
}
