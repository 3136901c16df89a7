import { describe, expect, it } from 'vitest';
import { pairingCodeFor, readPairingCode } from '../../../src-shared/sync/pairing-code';
import {
  createPracticeKey,
  practiceKeyFromText,
  practiceKeyToText,
} from '../../../src-shared/sync/practice-key';
import { readServerAddress } from '../../../src-shared/sync/server-address';
import {
  checkPracticeMarker,
  contentHash,
  createPracticeMarker,
  decryptDoc,
  derivePracticeKeys,
  documentId,
  encryptBody,
  type SyncBody,
} from '../../../src-shared/sync/sync-crypto';

const body: SyncBody = {
  table: 'clients',
  key: 'client-1',
  record: {
    id: 'client-1',
    givenName: 'Marguerite',
    familyName: 'Oyelaran-Whitfield',
    updatedAt: '2026-12-01T10:00:00.000Z',
  },
};

describe('practice keys and ids', () => {
  it('round-trips a practice key as text and refuses a cut one', () => {
    const key = createPracticeKey();
    expect(practiceKeyFromText(practiceKeyToText(key))).toEqual(key);
    expect(practiceKeyFromText(practiceKeyToText(key).slice(0, -3))).toBeNull();
    expect(practiceKeyFromText('hello')).toBeNull();
  });

  it('gives the same id on every computer of a practice, another in another practice, and no name', async () => {
    const key = createPracticeKey();
    const here = await derivePracticeKeys(key);
    const there = await derivePracticeKeys(new Uint8Array(key));
    const other = await derivePracticeKeys(createPracticeKey());
    const id = await documentId(here, 'clients', 'client-1');
    expect(id).toBe(await documentId(there, 'clients', 'client-1'));
    expect(id).not.toBe(await documentId(other, 'clients', 'client-1'));
    expect(id).not.toBe(await documentId(here, 'sessions', 'client-1'));
    expect(id).toMatch(/^r[0-9a-f]{32}$/);
    expect(here.practiceId).toBe(there.practiceId);
    expect(here.practiceId).not.toBe(other.practiceId);
  });
});

describe('record encryption', () => {
  it('holds no plaintext and opens with the same practice key only', async () => {
    const key = createPracticeKey();
    const keys = await derivePracticeKeys(key);
    const doc = await encryptBody(keys, body);
    const text = JSON.stringify(doc);
    for (const word of ['Marguerite', 'Oyelaran', 'client-1', 'clients', 'givenName', '2026-12-01']) {
      expect(text).not.toContain(word);
    }
    expect(Object.keys(doc).sort()).toEqual(['_id', 'c', 'h', 'iv', 'v']);
    expect(await decryptDoc(await derivePracticeKeys(key), doc)).toEqual({
      ok: true,
      body: JSON.parse(JSON.stringify(body)),
    });
    expect(await decryptDoc(await derivePracticeKeys(createPracticeKey()), doc)).toEqual({
      ok: false,
      problem: 'decryption',
    });
  });

  it('encrypts the same record differently each time but hashes it the same', async () => {
    const keys = await derivePracticeKeys(createPracticeKey());
    const a = await encryptBody(keys, body);
    const b = await encryptBody(keys, { ...body, record: { ...body.record } });
    expect(a.c).not.toBe(b.c);
    expect(a.h).toBe(b.h);
    expect(a.h).toBe(await contentHash(keys, body));
  });

  it('refuses hostile documents without throwing', async () => {
    const keys = await derivePracticeKeys(createPracticeKey());
    const good = await encryptBody(keys, body);
    const other = await encryptBody(keys, { table: 'clients', key: 'client-2', record: { id: 'client-2' } });
    const flipped = { ...good, c: good.c.slice(0, 10) + (good.c[10] === 'A' ? 'B' : 'A') + good.c.slice(11) };
    const cases: [unknown, string][] = [
      [null, 'format'],
      ['text', 'format'],
      [{ _id: good._id }, 'format'],
      [{ ...good, v: 2 }, 'format'],
      [{ ...good, iv: 'not base64!' }, 'format'],
      [{ ...good, iv: 'AAAA' }, 'format'],
      [flipped, 'decryption'],
      // A ciphertext moved under another record's id: GCM's additional data catches it.
      [{ ...other, _id: good._id }, 'decryption'],
      [{ ...good, c: 'A'.repeat(9 * 1024 * 1024) }, 'format'],
    ];
    for (const [doc, problem] of cases) expect(await decryptDoc(keys, doc)).toEqual({ ok: false, problem });
  });

  it('tells this practice from another by the marker', async () => {
    const key = createPracticeKey();
    const keys = await derivePracticeKeys(key);
    const marker = await createPracticeMarker(keys);
    expect(await checkPracticeMarker(keys, marker)).toBe('ours');
    expect(await checkPracticeMarker(await derivePracticeKeys(createPracticeKey()), marker)).toBe(
      'other-practice',
    );
    // This practice's id with a check this key cannot open: the key was replaced (rotated).
    expect(
      await checkPracticeMarker(keys, {
        ...marker,
        check: marker.check.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      }),
    ).toBe('key-replaced');
    expect(await checkPracticeMarker(keys, { hello: 1 })).toBe('not-a-practice');
  });
});

describe('pairing codes', () => {
  it('carries the server, the user and the key, and refuses typos', () => {
    const practiceKey = createPracticeKey();
    const code = pairingCodeFor({
      serverUrl: 'https://nas.local:6984/stillpoint',
      user: 'practice',
      practiceKey,
    });
    expect(code).not.toContain('practice-password');
    const read = readPairingCode(`  ${code.slice(0, 30)}\n${code.slice(30)} `);
    expect(read).toEqual({
      ok: true,
      pairing: { serverUrl: 'https://nas.local:6984/stillpoint', user: 'practice', practiceKey },
    });
    const typo = code.slice(0, 25) + (code[25] === 'a' ? 'b' : 'a') + code.slice(26);
    expect(readPairingCode(typo)).toMatchObject({ ok: false, message: expect.stringContaining('typo') });
    expect(readPairingCode('SPK1-abc')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a Stillpoint pairing code'),
    });
  });

  it('carries a self-signed server certificate pin to the computer that joins', () => {
    const practiceKey = createPracticeKey();
    const fingerprint = Array.from({ length: 32 }, (_, i) =>
      (i * 7).toString(16).padStart(2, '0').toUpperCase(),
    ).join(':');
    const code = pairingCodeFor({
      serverUrl: 'https://nas.local:6984/stillpoint',
      user: 'practice',
      practiceKey,
      certificateFingerprint: fingerprint,
    });
    expect(readPairingCode(code)).toEqual({
      ok: true,
      pairing: {
        serverUrl: 'https://nas.local:6984/stillpoint',
        user: 'practice',
        practiceKey,
        certificateFingerprint: fingerprint,
      },
    });
    const broken = pairingCodeFor({
      serverUrl: 'https://nas.local:6984/stillpoint',
      user: 'practice',
      practiceKey,
      certificateFingerprint: 'AB:CD',
    });
    expect(readPairingCode(broken)).toMatchObject({ ok: false });
  });
});

describe('server addresses', () => {
  it.each([
    ['https://couch.example.org/stillpoint', 'https://couch.example.org'],
    ['https://nas.local:6984/stillpoint/', 'https://nas.local:6984'],
    ['http://127.0.0.1:5984/stillpoint', 'http://127.0.0.1:5984'],
    ['http://192.168.1.20:5984/practice_db', 'http://192.168.1.20:5984'],
  ])('accepts %s', (text, origin) => {
    expect(readServerAddress(text)).toMatchObject({ ok: true, origin });
  });
  it.each([
    ['', 'Enter the address'],
    ['couch.example.org', 'not a web address'],
    ['ftp://couch.example.org/db', 'must start with https://'],
    ['http://couch.example.org/db', 'must use https://'],
    ['https://user:pw@couch.example.org/db', 'Leave the user name'],
    ['https://couch.example.org/', 'database name'],
    ['https://couch.example.org/a/b', 'database name'],
    ['https://couch.example.org/db?x=1', '? or #'],
  ])('refuses %s', (text, words) => {
    expect(readServerAddress(text)).toMatchObject({ ok: false, message: expect.stringContaining(words) });
  });
});
