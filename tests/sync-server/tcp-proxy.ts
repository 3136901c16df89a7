import net from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 between a computer and the test server, for "the network drops
 * mid-push": `cutAtBulkDocs(n)` lets the (n-1) first `_bulk_docs` requests (batches of a push)
 * through with their answers, forwards only the start of the n-th, then resets every connection
 * and refuses new ones until `reconnect()`. What the server received of the n-th batch is half a
 * request, which it drops, as it would when a cable is pulled.
 */
export interface TcpProxy {
  readonly origin: string;
  /** Resolves once the network is cut inside the n-th `_bulk_docs` request. */
  cutAtBulkDocs(n: number, databaseName?: string): Promise<void>;
  /** The network is back: connections are accepted and forwarded again. */
  reconnect(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let down = false;
  let bulkDocs = 0;
  let cutRule: { n: number; marker: Buffer; done: () => void } | null = null;

  const cut = () => {
    down = true;
    for (const socket of sockets) socket.resetAndDestroy();
    sockets.clear();
  };

  const server = net.createServer((client) => {
    if (down) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const forget = () => {
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', forget);
    upstream.on('close', forget);
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (down) return;
      const at = cutRule ? chunk.indexOf(cutRule.marker) : -1;
      if (cutRule && at >= 0) {
        bulkDocs += 1;
        if (bulkDocs === cutRule.n) {
          // The request line and part of what follows reach the server; the rest never does.
          upstream.write(chunk.subarray(0, at + Math.ceil((chunk.length - at) / 2)), () => {
            const { done } = cutRule!;
            cutRule = null;
            cut();
            done();
          });
          return;
        }
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    cutAtBulkDocs: (n, databaseName = 'stillpoint') =>
      new Promise((resolve) => {
        bulkDocs = 0;
        cutRule = { n, marker: Buffer.from(`POST /${databaseName}/_bulk_docs`), done: resolve };
      }),
    reconnect: () => {
      down = false;
    },
    close: () =>
      new Promise((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
