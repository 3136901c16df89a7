import { startSyncServer } from './server';

/**
 * The test server as a process of its own, so a fault test can kill it (SIGKILL, no goodbye)
 * and start it again on the same port and data folder. Run by `killable-server.ts`, which passes
 * the options as JSON. With `holdBulkDocs: n` the n-th `_bulk_docs` request (a batch of a push)
 * is received and never answered, and the parent is told: a push is then certainly in flight.
 */
interface ProcessOptions {
  dataDir: string;
  port?: number;
  allowOrigin?: string;
  holdBulkDocs?: number;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ProcessOptions;
  const databaseName = 'stillpoint';
  let bulkDocs = 0;
  const server = await startSyncServer({
    databaseName,
    dataDir: options.dataDir,
    ...(options.port ? { port: options.port } : {}),
    ...(options.allowOrigin ? { allowOrigin: options.allowOrigin } : {}),
    intercept: (req, next) => {
      if (req.method === 'POST' && req.path === `/${databaseName}/_bulk_docs`) {
        bulkDocs += 1;
        if (bulkDocs === options.holdBulkDocs) {
          process.send?.({ kind: 'holding', bulkDocs });
          return;
        }
      }
      next();
    },
  });
  process.send?.({ kind: 'ready', origin: server.origin });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
