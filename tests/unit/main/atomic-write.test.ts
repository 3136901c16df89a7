import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../src-main/services/files/atomic-write';

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-atomic-'));
}

describe('writeFileAtomic', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the whole file and leaves no temp file behind', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'handout.pdf');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(target)]).toEqual([1, 2, 3]);
    expect(fs.readdirSync(dir)).toEqual(['handout.pdf']);
  });

  it('on a full disk keeps the previous file intact and says so plainly', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'backup.stillpoint');
    fs.writeFileSync(target, 'previous backup');
    const realOpen = fsp.open;
    vi.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      const handle = await realOpen(...args);
      handle.writeFile = async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      };
      return handle;
    });
    await expect(writeFileAtomic(target, 'new content')).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringContaining('The disk is full'),
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('previous backup');
    expect(fs.readdirSync(dir)).toEqual(['backup.stillpoint']);
  });

  it('names a folder that does not exist', async () => {
    const target = path.join(tempDir(), 'gone', 'file.csv');
    await expect(writeFileAtomic(target, 'a,b')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('explains a folder without write permission', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'file.csv');
    vi.spyOn(fsp, 'open').mockRejectedValue(Object.assign(new Error('denied'), { code: 'EACCES' }));
    await expect(writeFileAtomic(target, 'a,b')).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      message: expect.stringContaining('not allowed to save'),
    });
  });
});
