import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  buildSheetSections,
  DEFAULT_AFTERCARE_TEMPLATE,
  placeholderValues,
} from '../../../src-shared/aftercare';
import type { AftercareSheetInput } from '../../../src-shared/domain/aftercare';

export const FONTS_DIR = path.resolve(__dirname, '../../../resources/fonts');
export const FIXED_NOW = new Date('2026-03-12T15:30:00Z');

/** A 4x4 teal PNG, hard-coded so the test does not depend on an image library. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPQTkuAIwbiOACEkw8RC3UVEwAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/** A 1x1 GIF: a real image, but not one a handout accepts. */
export const TINY_GIF = Uint8Array.from(
  Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A soft two-leaf logo mark (RGBA, anti-aliased), so the preview looks like a real practice's. */
export function makeLogoPng(size = 160): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = size / 2;
  const leaf = (x: number, y: number, angle: number) => {
    // An ellipse rotated by `angle`, its base at the centre of the image.
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const dx = x - c;
    const dy = y - c;
    const u = dx * cos + dy * sin - size * 0.22;
    const v = -dx * sin + dy * cos;
    return (u / (size * 0.22)) ** 2 + (v / (size * 0.1)) ** 2;
  };
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) {
      let alpha = 0;
      let color: [number, number, number] = [0x2b, 0x66, 0x60];
      const ring = Math.abs(Math.hypot(x - c, y - c) - size * 0.44);
      if (ring < size * 0.025 + 1) alpha = Math.min(1, size * 0.025 + 1 - ring);
      const left = leaf(x, y, -Math.PI * 0.62);
      const right = leaf(x, y, -Math.PI * 0.38);
      if (left < 1.06) {
        alpha = Math.max(alpha, Math.min(1, (1.06 - left) * 12));
        color = [0x2b, 0x66, 0x60];
      }
      if (right < 1.06) {
        alpha = Math.max(alpha, Math.min(1, (1.06 - right) * 12));
        color = [0x7f, 0xa8, 0x9a];
      }
      const o = row + 1 + x * 4;
      raw[o] = color[0];
      raw[o + 1] = color[1];
      raw[o + 2] = color[2];
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Uint8Array.from(
    Buffer.concat([
      signature,
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(raw)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

export interface SheetOptions {
  clientName?: string;
  paperSize?: 'A4' | 'Letter';
  locale?: string;
  personalNote?: string;
  withLogo?: boolean;
}

/** A typical handout: the default template filled for one client, as the aftercare form sends it. */
export function typicalSheet(options: SheetOptions = {}): AftercareSheetInput {
  const clientName = options.clientName ?? 'Zoë Ødegård-Łukasiewicz';
  const locale = options.locale ?? 'en-GB';
  const practice = {
    name: 'Quiet Harbour Craniosacral Therapy',
    address: '14 Willow Lane\nBristol BS6 5AX',
    phone: '0117 496 0123',
    email: 'hello@quietharbour.example',
    website: 'quietharbour.example',
    logo: options.withLogo ? { mimeType: 'image/png' as const, bytes: makeLogoPng() } : null,
  };
  const values = placeholderValues({
    clientName,
    sessionDate: '2026-03-12',
    locale,
    practiceName: practice.name,
    practicePhone: practice.phone,
    nextSession: 'In about a week',
    therapistName: 'Maren Holt',
  });
  return {
    practice,
    paperSize: options.paperSize ?? 'A4',
    clientName,
    sessionDate: '2026-03-12',
    treatedAreas: ['base of the skull', 'neck', 'breathing muscle', 'pelvis and tailbone'],
    ...buildSheetSections(DEFAULT_AFTERCARE_TEMPLATE, values),
    nextSession: 'In about a week. Weekly sessions for a few weeks are common; we can decide together.',
    personalNote:
      options.personalNote ??
      'You mentioned that your jaw tightens when you are working at the computer. Try the two ' +
        'slow breaths we practised whenever you notice it, and see whether it eases.',
    therapistName: 'Maren Holt',
    title: `Aftercare – ${clientName} – 12 March 2026`,
    locale,
  };
}

export async function pdfPagesText(pdf: Uint8Array): Promise<string[]> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: false });
  return text;
}

/** Runs a poppler/qpdf tool; a missing tool fails the test with a message saying what to install. */
export function runTool(tool: 'qpdf' | 'pdffonts' | 'pdfinfo', args: string[]): string {
  const candidates = [`/usr/bin/${tool}`, `/usr/local/bin/${tool}`];
  const found = candidates.find((candidate) => existsSync(candidate));
  let binary = found;
  if (!binary) {
    try {
      binary = execFileSync('which', [tool], { encoding: 'utf8' }).trim();
    } catch {
      binary = undefined;
    }
  }
  if (!binary) {
    throw new Error(
      `${tool} is not installed. Install it (Debian: apt-get install ${tool === 'qpdf' ? 'qpdf' : 'poppler-utils'}) to run the PDF checks.`,
    );
  }
  return execFileSync(binary, args, { encoding: 'utf8' });
}
