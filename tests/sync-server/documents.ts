import { prepareFile } from '../../src-shared/documents/prepare';
import type { SyncComputer } from './computer';

// Documents for the sync tests: a letter whose words are easy to search for on the server.

/** A PDF letter of about `kb` KB, several chunks long, whose words are easy to search for. */
export function letterPdf(kb: number, word = 'Quillfeather'): Uint8Array<ArrayBuffer> {
  const lines = ['%PDF-1.7'];
  for (let i = 0, length = 0; length < kb * 1024; i++) {
    const line = `% ${word} clearance for craniosacral work, line ${i}`;
    lines.push(line);
    length += line.length + 1;
  }
  lines.push('%%EOF');
  return new TextEncoder().encode(lines.join('\n')) as Uint8Array<ArrayBuffer>;
}

/** Attaches `bytes` as a clearance letter to the client (and the note, when given) on `c`. */
export async function attachLetter(
  c: SyncComputer,
  clientId: string,
  bytes: Uint8Array<ArrayBuffer>,
  sessionId?: string,
) {
  return c.attachments.add({
    clientId,
    ...(sessionId ? { sessionId } : {}),
    details: { title: 'Clearance from Dr Okonkwo-Brandt', kind: 'clearance letter', date: '2025-03-01' },
    file: await prepareFile(bytes, 'okonkwo-brandt-clearance.pdf'),
    addedBy: 'Anna Lind',
  });
}
