import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDOUT_FONT_FILES, loadHandoutFonts } from '../../../src-main/services/pdf';
import { findUnsupportedCharactersIn, printableText } from '../../../src-main/services/pdf/fonts';
import { FONTS_DIR } from './fixtures';

describe('the bundled fonts', () => {
  it('are the TTFs the renderer names, with their licence, under 3 MB together', () => {
    const files = readdirSync(FONTS_DIR);
    for (const file of Object.values(HANDOUT_FONT_FILES)) expect(files).toContain(file);
    expect(files).toContain('OFL.txt');
    expect(readFileSync(path.join(FONTS_DIR, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE');
    const total = files.reduce((sum, file) => sum + statSync(path.join(FONTS_DIR, file)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it('are read once per folder', () => {
    expect(loadHandoutFonts(FONTS_DIR)).toBe(loadHandoutFonts(`${FONTS_DIR}/`));
  });
});

describe('findUnsupportedCharactersIn', () => {
  const findUnsupportedCharacters = (texts: string[], fontsDir: string) =>
    findUnsupportedCharactersIn(texts, loadHandoutFonts(fontsDir));

  it('accepts Latin, Greek and Cyrillic names and typographic punctuation', () => {
    expect(
      findUnsupportedCharacters(
        [
          'Zoë Ødegård-Łukasiewicz',
          'Σοφία Παπαδοπούλου',
          'Анна Кузнецова',
          'Nguyễn Văn Ân',
          '“quoted” – 24–48 h …',
        ],
        FONTS_DIR,
      ),
    ).toEqual([]);
  });

  it('lists each missing character once, in order of first appearance', () => {
    expect(findUnsupportedCharacters(['中 𝔘 中', 'ok', '🙂 𝔘'], FONTS_DIR)).toEqual(['中', '𝔘', '🙂']);
  });

  it('ignores whitespace, control characters and invisible marks', () => {
    expect(
      findUnsupportedCharacters(
        ['a\tb\r\nc\u0007', '\u3000ideographic space', 'e\u200dm\ufeff', '❤\ufe0f'],
        FONTS_DIR,
      ),
    ).toEqual(['❤']);
  });

  it('gives the same answer when asked again (coverage is remembered per set of fonts)', () => {
    for (let round = 0; round < 2; round++) {
      expect(findUnsupportedCharacters(['Łódź 中', 'Σοφία 🙂'], FONTS_DIR)).toEqual(['中', '🙂']);
    }
  });

  it('compares text in composed form', () => {
    expect(findUnsupportedCharacters(['Zoe\u0308'], FONTS_DIR)).toEqual([]);
  });
});

describe('printableText', () => {
  const fonts = loadHandoutFonts(FONTS_DIR);
  it('composes, folds Windows line ends and tabs, drops invisible marks, keeps soft hyphens', () => {
    expect(printableText('Zoe\u0308\r\nline\ttwo\u200b\ufeff soft\u00adhyphen', fonts)).toBe(
      'Zoë\nline two soft\u00adhyphen',
    );
  });
  it('turns spaces the fonts lack into plain spaces, and folds lines when asked', () => {
    expect(printableText('a\u3000b', fonts)).toBe('a b');
    expect(printableText('  14 Willow Lane\n  Bristol  ', fonts, true)).toBe('14 Willow Lane Bristol');
  });
  it('prints plain text as it is, with or without characters to change (two ways through)', () => {
    const plain = `Σοφία Łódź “quotes” – 24–48 h …\n\nSecond  paragraph, ${'x'.repeat(45)}`;
    const broken = `Σοφία Łódź “quotes” – 24–48 h …\n\nSecond  paragraph, ${'x'.repeat(40)}\u00ad${'x'.repeat(5)}`;
    expect(printableText(plain, fonts)).toBe(broken);
    expect(printableText(`${plain}\u200b`, fonts)).toBe(broken);
    const line = broken.replace('\n\n', ' ').replace('  ', ' ');
    expect(printableText(` ${plain} `, fonts, true)).toBe(line);
    expect(printableText(` ${plain}\t`, fonts, true)).toBe(line);
    expect(printableText('no\u00a0break', fonts)).toBe('no\u00a0break');
  });
});
