import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import {
  type CertificatePin,
  certificateDecision,
  fetchServerCertificate,
  fingerprintOfPem,
  installCertificatePin,
  pinnedHostname,
  VERIFY_ACCEPT,
  VERIFY_AS_CHROMIUM,
  VERIFY_REFUSE,
} from '../../../src-main/sync/certificate-pin';
import { SyncConfigStore } from '../../../src-main/sync/sync-config-store';
import { normalizeFingerprint } from '../../../src-shared/sync/certificate-pin';

// A real TLS server on 127.0.0.1 with a self-signed certificate made by openssl for this run,
// as a practice's CouchDB (or the reverse proxy in front of it) would present.

interface SelfSigned {
  key: string;
  cert: string;
  /** As `openssl x509 -fingerprint -sha256` prints it: what the server's admin compares. */
  opensslFingerprint: string;
}

let dir: string;
function selfSigned(name: string): SelfSigned {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '30',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'pipe' },
  );
  const printed = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], {
    encoding: 'utf8',
  });
  return {
    key: fs.readFileSync(key, 'utf8'),
    cert: fs.readFileSync(cert, 'utf8'),
    opensslFingerprint: printed.trim().split('=')[1]!,
  };
}

let practiceNas: SelfSigned;
let impostor: SelfSigned;
let server: tls.Server;
let port: number;
const handshakes: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-cert-pin-'));
  practiceNas = selfSigned('practice-nas');
  impostor = selfSigned('practice-nas');
  server = tls.createServer({ key: practiceNas.key, cert: practiceNas.cert }, (socket) => {
    handshakes.push('secure');
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('fetching the sync server certificate for the therapist to compare', () => {
  it('answers the SHA-256 fingerprint that openssl prints for the server certificate', async () => {
    const found = await fetchServerCertificate(`https://127.0.0.1:${port}/stillpoint`);
    expect(found.fingerprint).toBe(practiceNas.opensslFingerprint);
    expect(found.fingerprint).toBe(fingerprintOfPem(practiceNas.cert));
    expect(found.subject).toBe('practice-nas');
    expect(found.trustedByAuthorities).toBe(false);
    expect(Date.parse(found.validTo)).toBeGreaterThan(Date.now());
  });

  it('refuses addresses it must not connect to, before any connection', async () => {
    const before = handshakes.length;
    await expect(fetchServerCertificate(`http://127.0.0.1:${port}/stillpoint`)).rejects.toThrow(/https/);
    await expect(fetchServerCertificate('https://user:pw@127.0.0.1/stillpoint')).rejects.toThrow(
      /user name and password/,
    );
    await expect(fetchServerCertificate('file:///etc/passwd')).rejects.toThrow();
    expect(handshakes.length).toBe(before);
  });

  it('says so in words when nothing speaks TLS at the address', async () => {
    const closed = tls.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchServerCertificate(`https://127.0.0.1:${freePort}/stillpoint`)).rejects.toThrow(
      /cannot be reached/,
    );
  });
});

describe('the certificate verify proc (electron mocked)', () => {
  const pin = (): CertificatePin => ({ hostname: '127.0.0.1', fingerprint: practiceNas.opensslFingerprint });
  const request = (hostname: string, pem: string) =>
    ({ hostname, certificate: { data: pem } }) as Parameters<typeof certificateDecision>[0];

  it('accepts exactly the pinned certificate for the sync server host', () => {
    expect(certificateDecision(request('127.0.0.1', practiceNas.cert), pin())).toBe(VERIFY_ACCEPT);
  });

  it('refuses any other certificate for that host, however it is signed', () => {
    expect(certificateDecision(request('127.0.0.1', impostor.cert), pin())).toBe(VERIFY_REFUSE);
    expect(certificateDecision(request('127.0.0.1', 'not a certificate'), pin())).toBe(VERIFY_REFUSE);
    expect(certificateDecision(request('127.0.0.1', ''), pin())).toBe(VERIFY_REFUSE);
  });

  it("leaves every other host, and sync off, to Chromium's own verdict", () => {
    expect(certificateDecision(request('example.org', practiceNas.cert), pin())).toBe(VERIFY_AS_CHROMIUM);
    expect(certificateDecision(request('127.0.0.2', practiceNas.cert), pin())).toBe(VERIFY_AS_CHROMIUM);
    expect(certificateDecision(request('127.0.0.1', practiceNas.cert), null)).toBe(VERIFY_AS_CHROMIUM);
    const v6 = { hostname: '::1', fingerprint: practiceNas.opensslFingerprint };
    expect(certificateDecision(request('[::1]', practiceNas.cert), v6)).toBe(VERIFY_ACCEPT);
  });

  it('installs a proc on the session that asks for the pin at each verification', () => {
    let proc: ((req: unknown, callback: (result: number) => void) => void) | undefined;
    const session = { setCertificateVerifyProc: vi.fn((p) => (proc = p)) };
    let current: CertificatePin | null = null;
    installCertificatePin(session as never, () => current);
    const answers: number[] = [];
    proc!(request('127.0.0.1', practiceNas.cert), (r) => answers.push(r));
    current = pin();
    proc!(request('127.0.0.1', practiceNas.cert), (r) => answers.push(r));
    proc!(request('127.0.0.1', impostor.cert), (r) => answers.push(r));
    expect(answers).toEqual([VERIFY_AS_CHROMIUM, VERIFY_ACCEPT, VERIFY_REFUSE]);
  });
});

describe('the pin in the sync settings', () => {
  const secureStore = {
    storage: () => 'keychain' as const,
    encrypt: (text: string) => new TextEncoder().encode(text),
    decrypt: (bytes: Uint8Array) => new TextDecoder().decode(bytes),
  };
  const setup = {
    serverUrl: 'https://practice-nas.local:6984/stillpoint',
    user: 'practice',
    password: 'pw',
    practiceKey: `SPK1-${'A'.repeat(43)}`,
    computerName: 'Laptop',
  };

  it('stores the confirmed fingerprint and pins it to the server host only', async () => {
    const store = new SyncConfigStore(fs.mkdtempSync(path.join(dir, 'data-')), secureStore as never);
    const status = await store.turnOn({ ...setup, certificateFingerprint: practiceNas.opensslFingerprint });
    expect(status.certificateFingerprint).toBe(practiceNas.opensslFingerprint);
    expect(store.certificatePin()).toEqual({
      hostname: 'practice-nas.local',
      fingerprint: practiceNas.opensslFingerprint,
    });
    expect(store.secrets()?.certificateFingerprint).toBe(practiceNas.opensslFingerprint);
    await store.turnOff();
    expect(store.certificatePin()).toBeNull();
  });

  it('has no pin without a confirmed fingerprint, and refuses one for plain http', async () => {
    const store = new SyncConfigStore(fs.mkdtempSync(path.join(dir, 'data-')), secureStore as never);
    await store.turnOn(setup);
    expect(store.certificatePin()).toBeNull();
    await expect(
      store.turnOn({
        ...setup,
        serverUrl: 'http://192.168.1.20:5984/stillpoint',
        certificateFingerprint: practiceNas.opensslFingerprint,
      }),
    ).rejects.toThrow(/https/);
  });

  it('reads fingerprints as people copy them, and the host as Chromium names it', () => {
    const bare = practiceNas.opensslFingerprint.replaceAll(':', '').toLowerCase();
    expect(normalizeFingerprint(bare)).toBe(practiceNas.opensslFingerprint);
    expect(normalizeFingerprint(`sha256 Fingerprint=${practiceNas.opensslFingerprint}`)).toBe(
      practiceNas.opensslFingerprint,
    );
    expect(normalizeFingerprint('AB:CD')).toBeNull();
    expect(pinnedHostname('https://[::1]:6984/stillpoint')).toBe('::1');
    expect(pinnedHostname('https://NAS.local:6984/stillpoint')).toBe('nas.local');
  });
});
