import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { RECORD_COUNTS_FILE } from '../../../src-main/handlers/records';
import { createDispatcher } from '../../../src-main/ipc';

vi.mock('electron', () => ({}));

function setup(userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-records-'))) {
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir,
    resourcesDir: '/nonexistent',
    dialogs: {
      chooseFolder: async () => null,
      chooseOpenFile: async () => null,
      chooseSavePath: async () => null,
    },
    printer: { printPdf: vi.fn() },
    secureStore: {
      storage: () => 'secure',
      encrypt: (text) => new TextEncoder().encode(text),
      decrypt: (data) => new TextDecoder().decode(data),
    },
    now: () => new Date('2026-11-26T09:00:00Z'),
    harness: false,
  };
  const dispatch = createDispatcher(createMainHandlers(deps), { isTrustedSender: () => true, log: () => {} });
  const call = (channel: string, payload?: unknown) =>
    dispatch(channel, payload, { url: 'app://stillpoint/index.html', isMainFrame: true });
  return { dir: userDataDir, file: path.join(userDataDir, RECORD_COUNTS_FILE), call };
}

const counts = (clients: number, at = '2026-11-26T09:00:00.000Z') => ({ clients, at });

describe('records:get-counts / records:set-counts', () => {
  it('answers null before anything was recorded', async () => {
    const t = setup();
    expect(await t.call('records:get-counts')).toEqual({ ok: true, value: null });
  });

  it('keeps the counts in a JSON file in the data folder, across a restart of main', async () => {
    const t = setup();
    expect(await t.call('records:set-counts', counts(12))).toEqual({ ok: true, value: counts(12) });
    expect(JSON.parse(fs.readFileSync(t.file, 'utf8'))).toEqual(counts(12));
    // No temp files left behind by the atomic write.
    expect(fs.readdirSync(t.dir)).toEqual([RECORD_COUNTS_FILE]);

    const restarted = setup(t.dir);
    expect(await restarted.call('records:get-counts')).toEqual({ ok: true, value: counts(12) });
  });

  it('"Start fresh" is a write of zero counts', async () => {
    const t = setup();
    await t.call('records:set-counts', counts(12));
    await t.call('records:set-counts', counts(0, '2026-11-27T08:00:00.000Z'));
    expect(await t.call('records:get-counts')).toEqual({
      ok: true,
      value: counts(0, '2026-11-27T08:00:00.000Z'),
    });
  });

  it('writes in the order they were asked for, so the last report wins', async () => {
    const t = setup();
    await Promise.all(Array.from({ length: 25 }, (_, i) => t.call('records:set-counts', counts(i))));
    expect(await t.call('records:get-counts')).toEqual({ ok: true, value: counts(24) });
  });

  it.each([
    ['negative', counts(-1)],
    ['fractional', counts(1.5)],
    ['not a timestamp', { clients: 1, at: 'yesterday' }],
    ['missing field', { at: '2026-11-26T09:00:00.000Z' }],
    ['a string', '{"clients":1}'],
    ['nothing', undefined],
  ])('refuses %s counts with INVALID_REQUEST and keeps the stored ones', async (_name, payload) => {
    const t = setup();
    await t.call('records:set-counts', counts(3));
    const answer = await t.call('records:set-counts', payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await t.call('records:get-counts')).toEqual({ ok: true, value: counts(3) });
  });

  it('a file from when notes were counted too still reads (the note count is dropped)', async () => {
    const t = setup();
    fs.writeFileSync(t.file, JSON.stringify({ clients: 12, sessions: 40, at: '2026-11-20T16:45:00.000Z' }));
    expect(await t.call('records:get-counts')).toEqual({
      ok: true,
      value: counts(12, '2026-11-20T16:45:00.000Z'),
    });
  });

  it('a damaged or foreign file reads as "never recorded" (no false alarm, no crash)', async () => {
    const t = setup();
    for (const junk of ['{not json', '[]', '{"clients":"many"}', '\u0000\u0001', '']) {
      fs.writeFileSync(t.file, junk);
      expect(await t.call('records:get-counts')).toEqual({ ok: true, value: null });
    }
  });

  it('a folder that cannot be written gives a typed error, not a crash', async () => {
    const t = setup(path.join(os.tmpdir(), `stillpoint-missing-${process.pid}-${Date.now()}`, 'nested'));
    const answer = await t.call('records:set-counts', counts(1));
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('records:get-counts')).toEqual({ ok: true, value: null });
  });
});
