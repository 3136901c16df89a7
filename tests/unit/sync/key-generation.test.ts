import { describe, expect, it } from 'vitest';
import { applyRotationStep, previousKeyOnPairing } from '../../../src-main/sync/key-rotation-store';
import { pairingCodeFor, pairingKeyText, readPairingCode } from '../../../src-shared/sync/pairing-code';
import {
  createPracticeKey,
  practiceKeyFromText,
  practiceKeyToText,
  readPracticeKey,
  rotatedKeyToText,
} from '../../../src-shared/sync/practice-key';
import {
  checkPracticeMarker,
  createPracticeMarker,
  derivePracticeKeys,
  markerGeneration,
  practiceKeysFromText,
} from '../../../src-shared/sync/sync-crypto';

// The practice key's generations (docs/sync.md, "Rotating the practice key"): a rotated key
// carries the practice's id and its generation, the marker names the generation, and main's
// sealed secrets move through the rotation's steps in one order only.

async function practice() {
  const first = createPracticeKey();
  const firstKeys = await derivePracticeKeys(first);
  const rotation = { generation: 2, practiceId: firstKeys.practiceId };
  const second = createPracticeKey();
  return {
    firstText: practiceKeyToText(first),
    firstKeys,
    secondText: rotatedKeyToText(second, rotation),
    secondKeys: await derivePracticeKeys(second, rotation),
  };
}

describe('rotated practice keys as text', () => {
  it('round-trips a rotated key with its generation and practice id, and refuses damaged ones', async () => {
    const { firstKeys, secondText } = await practice();
    const read = readPracticeKey(secondText);
    expect(read?.rotation).toEqual({ generation: 2, practiceId: firstKeys.practiceId });
    expect(practiceKeyFromText(secondText)).toEqual(read?.key);
    const body = secondText.slice('SPK2-'.length);
    for (const broken of [
      secondText.slice(0, -3),
      `SPK2-1.${body.slice(2)}`, // generation 1 is always the first key (SPK1)
      `SPK2-0.${body.slice(2)}`,
      `SPK2-99999999.${body.slice(2)}`,
      secondText.replace(firstKeys.practiceId, 'not-hex-'.repeat(4)),
      secondText.replace(/\.[^.]*$/, '.###'),
      'SPK3-abc',
    ]) {
      expect(readPracticeKey(broken), broken).toBeNull();
    }
  });

  it('keeps the practice id of the first key through a rotation', async () => {
    const { firstKeys, secondText } = await practice();
    const keys = await practiceKeysFromText(secondText);
    expect(keys).toMatchObject({ practiceId: firstKeys.practiceId, generation: 2 });
    expect(await practiceKeysFromText('SPK2-garbage')).toBeNull();
  });

  it('carries a rotated key in the pairing code', async () => {
    const { secondText } = await practice();
    const read = readPracticeKey(secondText)!;
    const code = pairingCodeFor({
      serverUrl: 'https://nas.local:6984/stillpoint',
      user: 'practice',
      practiceKey: read.key,
      rotation: read.rotation!,
    });
    const back = readPairingCode(code);
    expect(back.ok && pairingKeyText(back.pairing)).toBe(secondText);
  });
});

describe('the marker names the key generation', () => {
  it('tells the current key, a replaced key, a newer key and another practice apart', async () => {
    const { firstKeys, secondKeys, secondText } = await practice();
    const first = await createPracticeMarker(firstKeys);
    const second = await createPracticeMarker(secondKeys);
    expect(first.generation).toBeUndefined(); // a marker of the first key is as before rotation
    expect(markerGeneration(first)).toBe(1);
    expect(second).toMatchObject({ practice: firstKeys.practiceId, generation: 2 });
    expect(await checkPracticeMarker(secondKeys, second)).toBe('ours');
    expect(await checkPracticeMarker(firstKeys, second)).toBe('key-replaced');
    expect(await checkPracticeMarker(secondKeys, first)).toBe('older-key');
    expect(await checkPracticeMarker(await derivePracticeKeys(createPracticeKey()), second)).toBe(
      'other-practice',
    );
    // The generation is bound to the check: a check moved under another generation fails.
    const sameKey = readPracticeKey(secondText)!.key;
    const third = await derivePracticeKeys(sameKey, { practiceId: firstKeys.practiceId, generation: 3 });
    const forged = { ...(await createPracticeMarker(secondKeys)), generation: 3 };
    expect(await checkPracticeMarker(third, forged)).toBe('key-replaced');
    for (const generation of [0, -1, 1.5, '2', null]) {
      expect(await checkPracticeMarker(secondKeys, { ...second, generation })).toBe('not-a-practice');
    }
  });
});

describe("main's sealed secrets through a rotation", () => {
  it('keeps the new key pending, then current with the old one previous, then forgets the old one', async () => {
    const { firstText, secondText } = await practice();
    const start = { password: 'pw', practiceKey: firstText };
    const begun = await applyRotationStep(start, { step: 'begin', newKey: secondText });
    expect(begun).toEqual({ ...start, pendingKey: secondText });
    // A second rotation cannot start while one is unsettled.
    await expect(applyRotationStep(begun, { step: 'begin', newKey: secondText })).rejects.toThrow(
      /still being changed/,
    );
    const promoted = await applyRotationStep(begun, { step: 'promote', newKey: secondText });
    expect(promoted).toEqual({ password: 'pw', practiceKey: secondText, previousKey: firstText });
    // Promoting again (an answer repeated) changes nothing.
    expect(await applyRotationStep(promoted, { step: 'promote', newKey: secondText })).toEqual(promoted);
    await expect(applyRotationStep(promoted, { step: 'begin', newKey: secondText })).rejects.toThrow();
    expect(await applyRotationStep(promoted, { step: 'finished', previousKey: 'SPK1-other' })).toEqual(
      promoted,
    );
    expect(await applyRotationStep(promoted, { step: 'finished', previousKey: firstText })).toEqual({
      password: 'pw',
      practiceKey: secondText,
    });
    expect(await applyRotationStep(begun, { step: 'abandon', newKey: secondText })).toEqual(start);
  });

  it('refuses a key that is not the next of this practice, and a promotion it was not changing to', async () => {
    const { firstText, secondText } = await practice();
    const start = { password: 'pw', practiceKey: firstText };
    const stranger = rotatedKeyToText(createPracticeKey(), { generation: 2, practiceId: '0'.repeat(32) });
    const skipping = rotatedKeyToText(createPracticeKey(), {
      generation: 3,
      practiceId: readPracticeKey(secondText)!.rotation!.practiceId,
    });
    for (const newKey of [stranger, skipping, practiceKeyToText(createPracticeKey())]) {
      await expect(applyRotationStep(start, { step: 'begin', newKey })).rejects.toThrow(/not the next key/);
    }
    await expect(applyRotationStep(start, { step: 'promote', newKey: secondText })).rejects.toThrow();
  });

  it('keeps the old key when a computer pairs again with a newer key of its practice, not otherwise', async () => {
    const { firstText, secondText } = await practice();
    const old = { password: 'pw', practiceKey: firstText };
    expect(await previousKeyOnPairing(old, secondText)).toBe(firstText);
    expect(await previousKeyOnPairing(null, secondText)).toBeUndefined();
    expect(await previousKeyOnPairing(old, practiceKeyToText(createPracticeKey()))).toBeUndefined();
    expect(
      await previousKeyOnPairing({ password: 'pw', practiceKey: secondText }, firstText),
    ).toBeUndefined();
    // Pairing again with the same key (a new password only): nothing to re-encrypt.
    expect(
      await previousKeyOnPairing({ password: 'pw', practiceKey: secondText }, secondText),
    ).toBeUndefined();
  });
});
