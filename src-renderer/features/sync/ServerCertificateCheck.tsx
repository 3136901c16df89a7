import { useEffect, useState } from 'react';
import type { ServerCertificate } from '../../../src-shared/sync/certificate-pin';
import { readServerAddress } from '../../../src-shared/sync/server-address';
import { platform } from '../../platform';

/**
 * Setup's certificate check for an https practice server with a self-signed certificate: main
 * reads the certificate at the address (a TLS handshake, nothing sent), this shows its SHA-256
 * fingerprint, and only when the therapist confirms it matches the one the server shows is it
 * pinned (main then accepts that certificate for that server and no other; docs/sync.md).
 */
export function ServerCertificateCheck({
  serverUrl,
  onConfirmed,
}: {
  serverUrl: string;
  onConfirmed: (fingerprint: string | undefined) => void;
}) {
  const [found, setFound] = useState<ServerCertificate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const address = readServerAddress(serverUrl);
  const https = address.ok && address.origin.startsWith('https://');
  const origin = address.ok ? address.origin : '';
  // Another address: what was checked and confirmed no longer applies.
  useEffect(() => {
    void origin;
    setFound(null);
    setConfirmed(false);
    setError(null);
    onConfirmed(undefined);
  }, [origin, onConfirmed]);
  if (!https) return null;
  const check = async () => {
    setError(null);
    const answer = await platform().syncServerCertificate({ serverUrl });
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    setFound(answer.value);
  };
  return (
    <section className="sync-certificate" aria-label="The server’s certificate">
      <button type="button" onClick={() => void check()}>
        Check the server’s certificate
      </button>
      {error && <p role="alert">{error}</p>}
      {found?.trustedByAuthorities && (
        <p className="muted">
          This certificate is signed by an authority this computer trusts: nothing to confirm.
        </p>
      )}
      {found && !found.trustedByAuthorities && (
        <>
          <p>
            The server’s certificate is self-signed (“{found.subject}”, valid until{' '}
            {new Date(found.validTo).toLocaleDateString()}). Compare its SHA-256 fingerprint with the one the
            server shows (for CouchDB: <code>openssl x509 -noout -fingerprint -sha256</code> on its
            certificate):
          </p>
          <p className="sync-fingerprint" data-testid="certificate-fingerprint">
            {found.fingerprint}
          </p>
          <label>
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(event) => {
                setConfirmed(event.target.checked);
                onConfirmed(event.target.checked ? found.fingerprint : undefined);
              }}
            />{' '}
            The fingerprints are the same: trust this certificate for this server only
          </label>
        </>
      )}
    </section>
  );
}
