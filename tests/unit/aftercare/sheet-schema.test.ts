import { describe, expect, it } from 'vitest';
import {
  type AftercareSheetInput,
  AftercareSheetSchema,
  LOGO_MAX_BYTES,
  PERSONAL_NOTE_MAX_CHARS,
  sniffImageType,
} from '../../../src-shared/domain/aftercare';
import { fieldErrors } from '../../../src-shared/validation';
import { TINY_GIF, TINY_PNG, typicalSheet } from '../pdf/fixtures';

function errorsFor(sheet: AftercareSheetInput): Record<string, string> {
  const result = AftercareSheetSchema.safeParse(sheet);
  if (result.success) return {};
  return fieldErrors(result.error);
}

describe('AftercareSheetSchema', () => {
  it('accepts a typical sheet and fills the optional template fields', () => {
    const { intro, seekHelpAdvice, closing, ...withoutOptional } = typicalSheet();
    const parsed = AftercareSheetSchema.parse(withoutOptional);
    expect(parsed.intro).toBe('');
    expect(parsed.seekHelpAdvice).toBe('');
    expect(parsed.closing).toBe('');
  });

  it.each([
    ['clientName', { clientName: '   ' }],
    ['sessionDate', { sessionDate: '2026-02-30' }],
    ['paperSize', { paperSize: 'A5' }],
    ['locale', { locale: 'not a locale!' }],
    ['title', { title: '' }],
    ['personalNote', { personalNote: 'x'.repeat(PERSONAL_NOTE_MAX_CHARS + 1) }],
    ['treatedAreas.1', { treatedAreas: ['neck', ''] }],
  ])('names the field %s when it is wrong', (field, change) => {
    const errors = errorsFor({ ...typicalSheet(), ...change } as AftercareSheetInput);
    expect(Object.keys(errors)).toContain(field);
  });

  it('takes a personal note of 20,000 characters', () => {
    expect(errorsFor({ ...typicalSheet(), personalNote: 'x'.repeat(PERSONAL_NOTE_MAX_CHARS) })).toEqual({});
  });

  it('names nested practice fields', () => {
    const sheet = typicalSheet();
    const errors = errorsFor({ ...sheet, practice: { ...sheet.practice, name: '', email: 'no-at-sign' } });
    expect(errors['practice.name']).toBeDefined();
    expect(errors['practice.email']).toContain('@');
  });

  it('never prints a handout without red flags', () => {
    const sheet = typicalSheet();
    const errors = errorsFor({ ...sheet, sections: { ...sheet.sections, seekHelp: [] } });
    expect(errors['sections.seekHelp']).toContain('seek medical help');
  });
});

describe('the practice logo', () => {
  const withLogo = (logo: unknown) => {
    const sheet = typicalSheet();
    return { ...sheet, practice: { ...sheet.practice, logo } } as AftercareSheetInput;
  };

  it('accepts a PNG', () => {
    expect(errorsFor(withLogo({ mimeType: 'image/png', bytes: TINY_PNG }))).toEqual({});
    expect(sniffImageType(TINY_PNG)).toBe('image/png');
  });

  it('accepts a JPEG by its first bytes', () => {
    // SOI, a JFIF segment, then the frame header (SOF0) with its size: 2 x 1 pixels.
    const jpegStart = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0,
      0x11, 8, 0, 1, 0, 2, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
    ]);
    expect(errorsFor(withLogo({ mimeType: 'image/jpeg', bytes: jpegStart }))).toEqual({});
  });

  it('refuses another image type', () => {
    expect(Object.keys(errorsFor(withLogo({ mimeType: 'image/gif', bytes: TINY_GIF })))).toContain(
      'practice.logo.mimeType',
    );
  });

  it('refuses a GIF that claims to be a PNG', () => {
    expect(errorsFor(withLogo({ mimeType: 'image/png', bytes: TINY_GIF }))['practice.logo.bytes']).toBe(
      'The logo file is not a PNG or JPEG image',
    );
  });

  it('refuses a PNG labelled as JPEG', () => {
    expect(
      errorsFor(withLogo({ mimeType: 'image/jpeg', bytes: TINY_PNG }))['practice.logo.mimeType'],
    ).toContain('PNG');
  });

  it('refuses bytes that are not a Uint8Array, and files over 2 MB', () => {
    expect(Object.keys(errorsFor(withLogo({ mimeType: 'image/png', bytes: 'iVBORw0KGgo=' })))).toContain(
      'practice.logo.bytes',
    );
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(TINY_PNG);
    expect(errorsFor(withLogo({ mimeType: 'image/png', bytes: big }))['practice.logo.bytes']).toContain(
      '2 MB',
    );
  });
});
