import { describe, expect, it } from 'vitest';
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS } from '../../../src-shared/documents/attachment';
import { attachmentMessage, kindLabel, mediaTypeLabel } from '../../../src-shared/documents/words';
import { translatorFor } from '../../../src-shared/i18n';

describe("a document's kind and type in the reader's language", () => {
  const en = translatorFor('en');
  const de = translatorFor('de');
  const fr = translatorFor('fr');

  it('English says exactly what the stored labels said', () => {
    for (const kind of ATTACHMENT_KINDS) expect(kindLabel(en, kind)).toBe(ATTACHMENT_KIND_LABELS[kind]);
  });

  it('other languages translate by the stored id', () => {
    expect(kindLabel(de, 'clearance letter')).toBe('Ärztliche Freigabe');
    expect(mediaTypeLabel(fr, 'image/jpeg')).toBe('Photo JPEG');
  });

  it("translates the details form's own messages and leaves any other as it is", () => {
    expect(attachmentMessage(de, 'Give the document a title')).toBe('Geben Sie dem Dokument einen Titel');
    expect(attachmentMessage(de, 'Something else')).toBe('Something else');
  });
});
