import { describe, expect, it } from 'vitest';
import { historyButton, historyKey } from '../../../src-renderer/app/history';

const key = (
  k: string,
  mods: Partial<Record<'altKey' | 'metaKey' | 'ctrlKey' | 'shiftKey', boolean>> = {},
) => ({
  key: k,
  altKey: false,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  ...mods,
});

describe('Back and Forward keys', () => {
  it('are Alt+Left and Alt+Right on Windows and Linux', () => {
    expect(historyKey(key('ArrowLeft', { altKey: true }), false)).toBe('back');
    expect(historyKey(key('ArrowRight', { altKey: true }), false)).toBe('forward');
    // Word-wise selection and plain arrows stay text editing.
    expect(historyKey(key('ArrowLeft'), false)).toBeNull();
    expect(historyKey(key('ArrowLeft', { altKey: true, shiftKey: true }), false)).toBeNull();
    expect(historyKey(key('ArrowLeft', { ctrlKey: true }), false)).toBeNull();
    expect(historyKey(key('[', { metaKey: true }), false)).toBeNull();
  });

  it('are Cmd+[ and Cmd+] on a Mac, where Alt+Left moves by word', () => {
    expect(historyKey(key('[', { metaKey: true }), true)).toBe('back');
    expect(historyKey(key(']', { metaKey: true }), true)).toBe('forward');
    expect(historyKey(key('ArrowLeft', { altKey: true }), true)).toBeNull();
    expect(historyKey(key('[', {}), true)).toBeNull();
  });

  it('are mouse buttons 4 and 5 (DOM buttons 3 and 4); other buttons do nothing', () => {
    expect(historyButton(3)).toBe('back');
    expect(historyButton(4)).toBe('forward');
    for (const other of [0, 1, 2, 5]) expect(historyButton(other)).toBeNull();
  });
});
