import type { Database } from 'pouchdb-browser';
import { remoteDatabase } from './client';
import type { SyncServer } from './server';

/**
 * Everything the server keeps, as text to search: every stored document (all revisions' leaves)
 * as JSON, and the bytes of every attachment they hold (the documents' file chunks), read over
 * HTTP as the sync user, in latin1 so any byte sequence of a plaintext would show.
 */
export async function everythingTheServerHolds(server: SyncServer): Promise<string> {
  const remote: Database = remoteDatabase(server.databaseUrl, server.user, server.password);
  const docs = await server.rawDocuments();
  const parts = [JSON.stringify(docs)];
  for (const doc of docs) {
    for (const name of Object.keys((doc._attachments as object | undefined) ?? {})) {
      const data = await remote.getAttachment(String(doc._id), name);
      parts.push(Buffer.from(data as Uint8Array).toString('latin1'));
    }
  }
  return parts.join('\n');
}

/** How many stored documents hold an attachment (the file chunks). */
export async function attachmentDocuments(server: SyncServer): Promise<number> {
  const docs = await server.rawDocuments();
  return docs.filter((doc) => doc._attachments && Object.keys(doc._attachments).length > 0).length;
}
