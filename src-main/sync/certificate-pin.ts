import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';
import type { Request as CertificateRequest, Session } from 'electron';
import { normalizeFingerprint, type ServerCertificate } from '../../src-shared/sync/certificate-pin';
import { readServerAddress } from '../../src-shared/sync/server-address';
import { translatedError } from '../i18n';

/**
 * The answers a certificate verify proc gives, from Electron's documentation of
 * `ses.setCertificateVerifyProc(proc)`
 * (https://www.electronjs.org/docs/latest/api/session#sessetcertificateverifyprocproc):
 * `0` indicates success, `-2` indicates failure, `-3` uses the verification result from
 * Chromium. The proc receives `request.hostname` and `request.certificate`, whose `data` is the
 * PEM-encoded certificate (https://www.electronjs.org/docs/latest/api/structures/certificate).
 */
export const VERIFY_ACCEPT = 0;
export const VERIFY_REFUSE = -2;
export const VERIFY_AS_CHROMIUM = -3;

/** The pinned certificate of the sync server, while sync is on with a pin. */
export interface CertificatePin {
  /** The sync server's host name, as Chromium reports it (no port, IPv6 without brackets). */
  hostname: string;
  fingerprint: string;
}

/** The SHA-256 fingerprint of a PEM certificate (`AB:CD:…`), or null when it cannot be read. */
export function fingerprintOfPem(pem: string): string | null {
  try {
    return normalizeFingerprint(new X509Certificate(pem).fingerprint256);
  } catch {
    return null;
  }
}

/**
 * The verify proc's decision for one request. Any host other than the pinned one keeps
 * Chromium's own verdict (-3), so pinning never weakens any other connection (and with sync on
 * the request filter lets no other host through anyway). For the pinned host exactly the pinned
 * certificate is accepted (0, even though no authority signed it) and every other certificate
 * is refused (-2), even one an authority signed: a pin means "this certificate and no other".
 */
export function certificateDecision(
  request: Pick<CertificateRequest, 'hostname' | 'certificate'>,
  pin: CertificatePin | null,
): number {
  // An IPv6 host may come with or without brackets: compare both without.
  const host = (name: string) => name.replace(/^\[|\]$/g, '').toLowerCase();
  if (!pin || host(request.hostname) !== host(pin.hostname)) return VERIFY_AS_CHROMIUM;
  const presented = fingerprintOfPem(request.certificate?.data ?? '');
  return presented !== null && presented === pin.fingerprint ? VERIFY_ACCEPT : VERIFY_REFUSE;
}

/**
 * Installs the pin on the session. `pin` is asked per verification, so turning sync on or off,
 * or pinning another certificate, needs no new proc; Chromium caches a verdict per certificate
 * and host for the session (the documentation's note), so a changed pin takes full effect after
 * the app restarts.
 */
export function installCertificatePin(session: Session, pin: () => CertificatePin | null): void {
  session.setCertificateVerifyProc((request, callback) => {
    callback(certificateDecision(request, pin()));
  });
}

/** The pin's host name for a database URL (what Chromium passes as `request.hostname`). */
export function pinnedHostname(databaseUrl: string): string | null {
  const address = readServerAddress(databaseUrl);
  if (!address.ok) return null;
  return new URL(address.origin).hostname.replace(/^\[|\]$/g, '');
}

/**
 * Connects to the sync server's address (that origin and nothing else: the URL goes through the
 * same check as the settings) and answers the certificate it presents, unverified, for the
 * therapist to compare with the fingerprint the server shows. No request is sent: the TLS
 * handshake is all that happens, then the connection is closed.
 */
export function fetchServerCertificate(
  serverUrl: string,
  options: { timeoutMs?: number } = {},
): Promise<ServerCertificate> {
  const address = readServerAddress(serverUrl);
  if (!address.ok)
    return Promise.reject(translatedError('INVALID_REQUEST', `validation.serverAddress.${address.reason}`));
  const url = new URL(address.origin);
  if (url.protocol !== 'https:') {
    return Promise.reject(translatedError('INVALID_REQUEST', 'sync.main.certNeedsHttps'));
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      // Server Name Indication is for names, not addresses.
      ...(isIP(host) ? {} : { servername: host }),
      // Read the certificate whoever signed it: the therapist, not an authority, decides.
      rejectUnauthorized: false,
      timeout: options.timeoutMs ?? 10_000,
    });
    const fail = (key: 'serverTimeout' | 'serverUnreachable' | 'noCertificate') => {
      socket.destroy();
      reject(translatedError('INVALID_REQUEST', `sync.main.${key}`));
    };
    socket.once('timeout', () => fail('serverTimeout'));
    socket.once('error', () => fail('serverUnreachable'));
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate();
      const fingerprint = normalizeFingerprint(peer?.fingerprint256 ?? '');
      const trustedByAuthorities = socket.authorized;
      socket.end();
      if (!fingerprint) {
        fail('noCertificate');
        return;
      }
      resolve({
        fingerprint,
        subject: nameOf(peer.subject),
        issuer: nameOf(peer.issuer),
        validFrom: new Date(peer.valid_from).toISOString(),
        validTo: new Date(peer.valid_to).toISOString(),
        trustedByAuthorities,
      });
    });
  });
}

function nameOf(name: Record<string, string | string[] | undefined> | undefined): string {
  const cn = name?.CN;
  return (Array.isArray(cn) ? cn[0] : cn) ?? '';
}
