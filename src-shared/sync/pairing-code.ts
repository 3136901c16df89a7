import { utf8 } from '../backup/bytes';
import { normalizeFingerprint } from './certificate-pin';
import { fromBase64Url, type KeyGeneration, keyToText, readPracticeKey, toBase64Url } from './practice-key';

/**
 * The pairing code a computer already in the practice shows to one that joins: the server's
 * address, the sync user name, the practice key and (a self-signed server) its pinned
 * certificate's fingerprint, as one line of text (and as a QR code on
 * screen). It is never sent to the server. The password is not in it: it is typed on the new
 * computer, so a photo of the screen alone does not open the server.
 *
 * Format: `STILLPOINT-PAIR-1.` + base64url(JSON) + `.` + 4 hex digits of a checksum, so a
 * mistyped code is told apart from a wrong one.
 */
export const PAIRING_PREFIX = 'STILLPOINT-PAIR-1.';

export interface Pairing {
  serverUrl: string;
  user: string;
  practiceKey: Uint8Array;
  /** A rotated key's generation and the practice's id (absent for the practice's first key). */
  rotation?: KeyGeneration;
  /** The server's pinned certificate (self-signed https), so a joining computer pins it too. */
  certificateFingerprint?: string;
}

function checksum(text: string): string {
  // FNV-1a, 16 bits: catches typos; the practice key itself is authenticated by the marker.
  let hash = 0x811c9dc5;
  for (const byte of utf8(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash & 0xffff).toString(16).padStart(4, '0');
}

export function pairingCodeFor(pairing: Pairing): string {
  const payload = toBase64Url(
    utf8(
      JSON.stringify({
        s: pairing.serverUrl,
        u: pairing.user,
        k: keyToText({
          key: pairing.practiceKey,
          ...(pairing.rotation ? { rotation: pairing.rotation } : {}),
        }),
        ...(pairing.certificateFingerprint ? { f: pairing.certificateFingerprint } : {}),
      }),
    ),
  );
  return `${PAIRING_PREFIX}${payload}.${checksum(payload)}`;
}

export type PairingRead = { ok: true; pairing: Pairing } | { ok: false; message: string };

export function readPairingCode(code: string): PairingRead {
  const text = code.replace(/\s+/g, '');
  const refused = (message: string): PairingRead => ({ ok: false, message });
  if (!text.startsWith(PAIRING_PREFIX)) {
    return refused(
      'This is not a Stillpoint pairing code. Copy the whole code shown under Settings → Practice sync on a computer that is already in the practice.',
    );
  }
  const [payload, sum, ...rest] = text.slice(PAIRING_PREFIX.length).split('.');
  if (!payload || !sum || rest.length > 0 || checksum(payload) !== sum) {
    return refused('The pairing code is incomplete or has a typo. Copy it again, or scan the QR code.');
  }
  const bytes = fromBase64Url(payload);
  let parsed: { s?: unknown; u?: unknown; k?: unknown; f?: unknown };
  try {
    parsed = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes ?? new Uint8Array()),
    ) as typeof parsed;
  } catch {
    return refused('The pairing code cannot be read. Copy it again, or scan the QR code.');
  }
  const key = typeof parsed.k === 'string' ? readPracticeKey(parsed.k) : null;
  if (typeof parsed.s !== 'string' || typeof parsed.u !== 'string' || !key) {
    return refused('The pairing code cannot be read. Copy it again, or scan the QR code.');
  }
  const fingerprint = typeof parsed.f === 'string' ? normalizeFingerprint(parsed.f) : undefined;
  if (fingerprint === null || (parsed.f !== undefined && typeof parsed.f !== 'string')) {
    return refused('The pairing code cannot be read. Copy it again, or scan the QR code.');
  }
  return {
    ok: true,
    pairing: {
      serverUrl: parsed.s,
      user: parsed.u,
      practiceKey: key.key,
      ...(key.rotation ? { rotation: key.rotation } : {}),
      ...(fingerprint ? { certificateFingerprint: fingerprint } : {}),
    },
  };
}

/** The practice key of a pairing as the text main stores (`SPK1-…`, or `SPK2-…` once rotated). */
export function pairingKeyText(pairing: Pairing): string {
  return keyToText({ key: pairing.practiceKey, ...(pairing.rotation ? { rotation: pairing.rotation } : {}) });
}

/** The pairing code for this computer's sync settings, or null when its stored key is damaged. */
export function pairingCodeForSecrets(secrets: {
  databaseUrl: string;
  user: string;
  practiceKey: string;
  certificateFingerprint?: string | null;
}): string | null {
  const key = readPracticeKey(secrets.practiceKey);
  if (!key) return null;
  return pairingCodeFor({
    serverUrl: secrets.databaseUrl,
    user: secrets.user,
    practiceKey: key.key,
    ...(key.rotation ? { rotation: key.rotation } : {}),
    ...(secrets.certificateFingerprint ? { certificateFingerprint: secrets.certificateFingerprint } : {}),
  });
}
