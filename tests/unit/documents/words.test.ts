import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  formatBytes,
} from '../../../src-shared/documents/attachment';
import { attachmentMessage, kindLabel, mediaTypeLabel, sizeLabel } from '../../../src-shared/documents/words';
import { translatorFor } from '../../../src-shared/i18n';

describe("a document's kind, type and size in the reader's language", () => {
  const en = translatorFor('en');
  const de = translatorFor('de');
  const fr = translatorFor('fr');

  it('English says exactly what the stored labels said', () => {
    for (const kind of ATTACHMENT_KINDS) expect(kindLabel(en, kind)).toBe(ATTACHMENT_KIND_LABELS[kind]);
    for (const size of [12, 2_000, 830 * 1024, 2.4 * 1024 * 1024, 3 * 1024 ** 3])
      expect(sizeLabel(en, size)).toBe(formatBytes(size));
  });

  it('other languages translate by the stored id and write numbers their way', () => {
    expect(kindLabel(de, 'clearance letter')).toBe('Ärztliche Freigabe');
    expect(mediaTypeLabel(fr, 'image/jpeg')).toBe('Photo JPEG');
    expect(sizeLabel(de, 2.4 * 1024 * 1024)).toBe('2,4 MB');
    expect(sizeLabel(fr, 1.5 * 1024 * 1024)).toBe('1,5 Mo');
    expect(sizeLabel(translatorFor('es'), 1)).toBe('1 byte');
  });

  it("translates the details form's own messages and leaves any other as it is", () => {
    expect(attachmentMessage(de, 'Give the document a title')).toBe('Geben Sie dem Dokument einen Titel');
    expect(attachmentMessage(de, 'Something else')).toBe('Something else');
  });
});
