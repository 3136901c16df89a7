import { useEffect, useState } from 'react';
import type { ServerCertificate } from '../../../src-shared/sync/certificate-pin';
import { readServerAddress } from '../../../src-shared/sync/server-address';
import { formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
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
  const t = useT();
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
    <section className="sync-certificate" aria-label={t('sync.certificate.region')}>
      <button type="button" onClick={() => void check()}>
        {t('sync.certificate.check')}
      </button>
      {error && <p role="alert">{error}</p>}
      {found?.trustedByAuthorities && <p className="muted">{t('sync.certificate.trusted')}</p>}
      {found && !found.trustedByAuthorities && (
        <>
          <p>
            <SelfSignedText subject={found.subject} validTo={formatTimestamp(found.validTo)} />
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
            {t('sync.certificate.confirm')}
          </label>
        </>
      )}
    </section>
  );
}

/** The command CouchDB's admin runs to print the fingerprint (not translated: it is typed as is). */
const FINGERPRINT_COMMAND = 'openssl x509 -noout -fingerprint -sha256';

/** One translated sentence, with the command shown as code wherever the language puts it. */
function SelfSignedText({ subject, validTo }: { subject: string; validTo: string }) {
  const t = useT();
  const text = t('sync.certificate.selfSigned', { subject, validTo, command: FINGERPRINT_COMMAND });
  const at = text.indexOf(FINGERPRINT_COMMAND);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <code>{FINGERPRINT_COMMAND}</code>
      {text.slice(at + FINGERPRINT_COMMAND.length)}
    </>
  );
}
