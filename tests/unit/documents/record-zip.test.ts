import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src-shared/documents/hash';
import { buildRecordZip, RecordZipError } from '../../../src-shared/documents/record-zip';
import type { ClientRecord } from '../../../src-shared/domain/client-record';
import { recordFixture } from '../exports/fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);

async function recordWith(
  files: { id: string; title: string; body: Uint8Array; mediaType: 'application/pdf' | 'text/plain' }[],
) {
  const { record } = recordFixture();
  const attachments = await Promise.all(
    files.map(async (file) => ({
      id: file.id,
      clientId: record.client.id,
      title: file.title,
      kind: 'other' as const,
      date: '2025-01-10',
      mediaType: file.mediaType,
      size: file.body.byteLength,
      sha256: await sha256Hex(file.body),
      originalName: '../../etc/evil.pdf',
      addedAt: '2025-01-10T09:00:00.000Z',
      updatedAt: '2025-01-10T09:00:00.000Z',
      gpsRemoved: false,
      otherMetadataRemoved: false,
      orientation: 1,
    })),
  );
  return { ...record, attachments } satisfies ClientRecord;
}

describe('the client record ZIP', () => {
  it('holds the PDF, the JSON and every file, named from the record, with a manifest of hashes', async () => {
    const letter = bytes('%PDF-1.7\n%%EOF\n');
    const notes = bytes('Referral notes\n');
    const record = await recordWith([
      { id: 'a', title: 'Clearance letter / Dr Fischer', body: letter, mediaType: 'application/pdf' },
      { id: 'b', title: 'Referral notes', body: notes, mediaType: 'text/plain' },
    ]);
    const { zip } = await buildRecordZip({
      record,
      baseName: 'Client record Test',
      pdf: bytes('%PDF-record'),
      json: '{"x":1}\n',
      files: [
        { attachmentId: 'b', bytes: notes },
        { attachmentId: 'a', bytes: letter },
      ],
    });
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual([
      'Client record Test.json',
      'Client record Test.pdf',
      'files/01 Clearance-letter-Dr-Fischer.pdf',
      'files/02 Referral-notes.txt',
      'manifest.json',
    ]);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as {
      format: string;
      files: { path: string; sha256: string; size: number }[];
    };
    expect(manifest.format).toBe('stillpoint-client-record-zip');
    for (const file of manifest.files) {
      expect(await sha256Hex(entries[file.path]!), file.path).toBe(file.sha256);
      expect(entries[file.path]!.byteLength).toBe(file.size);
    }
    // No entry takes its name from the file's original name (which here tries a path).
    expect(Object.keys(entries).some((name) => name.includes('..') || name.includes('evil'))).toBe(false);
  });

  it('refuses a file that is not the one the record names, or a missing one', async () => {
    const letter = bytes('%PDF-1.7\n%%EOF\n');
    const record = await recordWith([
      { id: 'a', title: 'Letter', body: letter, mediaType: 'application/pdf' },
    ]);
    const base = { record, baseName: 'r', pdf: bytes('%PDF'), json: '{}' };
    await expect(
      buildRecordZip({ ...base, files: [{ attachmentId: 'a', bytes: bytes('%PDF-other') }] }),
    ).rejects.toThrow(/checksum no longer matches/);
    await expect(buildRecordZip({ ...base, files: [] })).rejects.toBeInstanceOf(RecordZipError);
  });
});
