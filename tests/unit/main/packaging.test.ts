import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

describe('the packaged build', () => {
  it('flips the Electron fuses that close the usual escape hatches', () => {
    expect(pkg.build.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(pkg.build.asar).toBe(true);
  });

  it('builds AppImage and deb for Linux, nsis for Windows and dmg for macOS', () => {
    expect(pkg.build.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(pkg.build.win.target).toEqual(['nsis']);
    expect(pkg.build.mac.target).toEqual(['dmg']);
  });

  it('ships the handout fonts beside the app', () => {
    expect(pkg.build.extraResources).toContainEqual({ from: 'resources/fonts', to: 'fonts' });
  });
});
