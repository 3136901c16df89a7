import type { AttachmentMediaType } from './attachment';

/**
 * The type of a file decided from its first bytes, never from its name (issue 15). Five types
 * only, so a few magic numbers do it without a library: PDF `%PDF-`, JPEG `FF D8 FF`, PNG's
 * eight-byte signature, WebP `RIFF....WEBP`, and plain text (UTF-8 with no control characters
 * other than tab, line breaks and form feed; a byte-order mark allowed).
 */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** How far into a file a PDF header may start (PDF readers accept junk before it; 1 KB is Acrobat's limit). */
const PDF_HEADER_WINDOW = 1024;

function isPdf(bytes: Uint8Array): boolean {
  const header = ascii('%PDF-');
  const end = Math.min(bytes.length - header.length, PDF_HEADER_WINDOW);
  for (let at = 0; at <= end; at++) if (startsWith(bytes, header, at)) return true;
  return false;
}

/** Plain text: valid UTF-8 throughout, and no control character a text file does not use. */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  if (isPdf(bytes)) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (bytes.length > 0 && isPlainText(bytes)) return 'text/plain';
  return null;
}
