import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/documents/attachment';
import { formatMegabytes, MAX_BACKUP_FILE_BYTES } from '../../../src-shared/domain/file-size-limits';
import { formatBytes as formatBytesIn } from '../../../src-shared/i18n';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
/** French (and others) put a no-break space before the unit: compare what a reader sees. */
const formatBytes = (bytes: number, locale: string) => formatBytesIn(bytes, locale).replace(/\s/g, ' ');

describe('formatBytes: one size formatter, base 1024, in the reader’s language', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1,023 bytes'],
    [1024, '1 kB'],
    [830 * KB, '830 kB'],
    [2.4 * MB, '2.4 MB'],
    [45.6 * GB, '46 GB'],
    [3.2 * 1024 * GB, '3.2 TB'],
  ])('English: %d → %s', (bytes, text) => {
    expect(formatBytes(bytes, 'en-GB')).toBe(text);
  });

  it('German writes its own decimal comma and unit names', () => {
    expect(formatBytes(1, 'de-DE')).toBe('1 Byte');
    expect(formatBytes(12, 'de-DE')).toBe('12 Byte');
    expect(formatBytes(2.4 * MB, 'de-DE')).toBe('2,4 MB');
    expect(formatBytes(830 * KB, 'de-DE')).toBe('830 kB');
    expect(formatBytes(1.5 * GB, 'de-CH')).toBe('1.5 GB');
  });

  it('French says octets, Spanish and Dutch their own way', () => {
    expect(formatBytes(12, 'fr-FR')).toBe('12 octets');
    expect(formatBytes(1.5 * MB, 'fr-FR')).toBe('1,5 Mo');
    expect(formatBytes(1.5 * MB, 'es-ES')).toBe('1,5 MB');
    expect(formatBytes(1.5 * MB, 'nl-NL')).toBe('1,5 MB');
  });

  it('a file at a limit reads as the limit the refusals name (base 1024, like formatMegabytes)', () => {
    expect(formatBytes(MAX_ATTACHMENT_BYTES, 'en-GB')).toBe(formatMegabytes(MAX_ATTACHMENT_BYTES));
    expect(formatBytes(MAX_BACKUP_FILE_BYTES, 'en-GB')).toBe(formatMegabytes(MAX_BACKUP_FILE_BYTES));
  });

  it('a size that is not one is shown as a dash, never "-1 bytes"', () => {
    expect(formatBytes(-1, 'en-GB')).toBe('–');
    expect(formatBytes(Number.NaN, 'de-DE')).toBe('–');
  });
});
