import { type FormEvent, useEffect, useState } from 'react';
import { encode } from 'uqr';
import { pairingCodeFor, readPairingCode } from '../../../src-shared/sync/pairing-code';
import {
  createPracticeKey,
  practiceKeyFromText,
  practiceKeyToText,
} from '../../../src-shared/sync/practice-key';
import { readServerAddress } from '../../../src-shared/sync/server-address';
import type { SyncStatus } from '../../../src-shared/sync/sync-settings';
import { Field } from '../../app/ui/Field';
import { platform } from '../../platform';
import { ServerCertificateCheck } from './ServerCertificateCheck';
import { syncStateWords, syncView } from './sync-status';
import './sync.css';

type Mode = 'choose' | 'start' | 'join';

/**
 * Settings → Practice sync. Off by default. The first computer starts the practice (it makes
 * the practice key); every other computer joins with the pairing code shown here on a computer
 * that is already in. Turning sync on or off reloads the window: the one allowed server is
 * part of the page's security policy, which comes with the page.
 */
export function PracticeSyncCard() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    void platform()
      .syncStatus()
      .then((answer) => (answer.ok ? setStatus(answer.value) : setLoadError(answer.error.message)));
  }, []);
  return (
    <section className="card practice-sync" aria-labelledby="practice-sync-title">
      <h2 id="practice-sync-title">Practice sync</h2>
      {loadError && <p role="alert">{loadError}</p>}
      {status && !status.enabled && <SyncOff />}
      {status?.enabled && <SyncOn status={status} />}
    </section>
  );
}

function SyncOff() {
  const [mode, setMode] = useState<Mode>('choose');
  return (
    <>
      <p className="muted">
        Off. Share the practice’s records between its computers through the practice’s own CouchDB server.
        Every record is encrypted on this computer before it leaves; the server only ever holds ciphertext.
        See docs/sync.md for setting up the server.
      </p>
      {mode === 'choose' && (
        <div className="button-row">
          <button type="button" onClick={() => setMode('start')}>
            Start the practice on a server…
          </button>
          <button type="button" onClick={() => setMode('join')}>
            Join with a pairing code…
          </button>
        </div>
      )}
      {mode === 'start' && <StartForm onCancel={() => setMode('choose')} />}
      {mode === 'join' && <JoinForm onCancel={() => setMode('choose')} />}
    </>
  );
}

async function turnOn(setup: {
  serverUrl: string;
  user: string;
  password: string;
  practiceKey: string;
  computerName: string;
  certificateFingerprint?: string;
}): Promise<string | null> {
  const answer = await platform().syncTurnOn(setup);
  if (!answer.ok) return answer.error.message;
  // The server's origin is allowed from the next page load (CSP); the window reloads.
  window.location.reload();
  return null;
}

function StartForm({ onCancel }: { onCancel: () => void }) {
  const [serverUrl, setServerUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [computerName, setComputerName] = useState('');
  const [certificateFingerprint, setCertificateFingerprint] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const address = readServerAddress(serverUrl);
    if (!address.ok) next.serverUrl = address.message;
    if (user.trim() === '') next.user = 'Enter the user name made for Stillpoint on the server.';
    if (password === '') next.password = 'Enter that user’s password.';
    if (computerName.trim() === '')
      next.computerName = 'Name this computer, for example “Treatment room laptop”.';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    const problem = await turnOn({
      serverUrl,
      user: user.trim(),
      password,
      practiceKey: practiceKeyToText(createPracticeKey()),
      computerName: computerName.trim(),
      ...(certificateFingerprint ? { certificateFingerprint } : {}),
    });
    setBusy(false);
    if (problem) setErrors({ form: problem });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Start the practice on a server">
      <p className="muted">
        On the practice’s first computer only: this makes the practice key. Other computers join with the
        pairing code this computer will show.
      </p>
      <ServerFields
        {...{
          serverUrl,
          setServerUrl,
          user,
          setUser,
          password,
          setPassword,
          computerName,
          setComputerName,
          errors,
        }}
      />
      <ServerCertificateCheck serverUrl={serverUrl} onConfirmed={setCertificateFingerprint} />
      {errors.form && <p role="alert">{errors.form}</p>}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          Create the practice key and start syncing
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function JoinForm({ onCancel }: { onCancel: () => void }) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [computerName, setComputerName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const pairing = readPairingCode(code);
    if (!pairing.ok) next.code = pairing.message;
    if (password === '') next.password = 'Enter the sync user’s password (it is not in the pairing code).';
    if (computerName.trim() === '') next.computerName = 'Name this computer, for example “Desk at home”.';
    setErrors(next);
    if (!pairing.ok || Object.keys(next).length > 0) return;
    setBusy(true);
    const problem = await turnOn({
      serverUrl: pairing.pairing.serverUrl,
      user: pairing.pairing.user,
      password,
      practiceKey: practiceKeyToText(pairing.pairing.practiceKey),
      computerName: computerName.trim(),
      ...(pairing.pairing.certificateFingerprint
        ? { certificateFingerprint: pairing.pairing.certificateFingerprint }
        : {}),
    });
    setBusy(false);
    if (problem) setErrors({ form: problem });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Join with a pairing code">
      <Field
        label="Pairing code"
        hint="Shown under Settings → Practice sync on a computer already in the practice"
        error={errors.code}
        wide
      >
        <textarea rows={3} value={code} onChange={(e) => setCode(e.target.value)} spellCheck={false} />
      </Field>
      <Field label="Sync password" error={errors.password}>
        <input
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Field label="This computer’s name" error={errors.computerName}>
        <input value={computerName} onChange={(e) => setComputerName(e.target.value)} />
      </Field>
      {errors.form && <p role="alert">{errors.form}</p>}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          Join the practice
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ServerFields(props: {
  serverUrl: string;
  setServerUrl: (v: string) => void;
  user: string;
  setUser: (v: string) => void;
  password: string;
  setPassword: (v: string) => void;
  computerName: string;
  setComputerName: (v: string) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <Field
        label="Server address"
        hint="The CouchDB database, e.g. https://practice-nas.local:6984/stillpoint"
        error={props.errors.serverUrl}
        wide
      >
        <input
          value={props.serverUrl}
          onChange={(e) => props.setServerUrl(e.target.value)}
          spellCheck={false}
        />
      </Field>
      <Field label="Sync user name" error={props.errors.user}>
        <input
          value={props.user}
          onChange={(e) => props.setUser(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field label="Sync password" error={props.errors.password}>
        <input
          type="password"
          autoComplete="off"
          value={props.password}
          onChange={(e) => props.setPassword(e.target.value)}
        />
      </Field>
      <Field label="This computer’s name" error={props.errors.computerName}>
        <input value={props.computerName} onChange={(e) => props.setComputerName(e.target.value)} />
      </Field>
    </>
  );
}

function SyncOn({ status }: { status: SyncStatus }) {
  const view = syncView.use();
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const showCode = async () => {
    const answer = await platform().syncSecrets();
    if (!answer.ok || !answer.value) {
      setError(answer.ok ? 'Sync is off.' : answer.error.message);
      return;
    }
    const key = practiceKeyFromText(answer.value.practiceKey);
    if (!key) {
      setError('The stored practice key is damaged.');
      return;
    }
    setCode(
      pairingCodeFor({
        serverUrl: answer.value.databaseUrl,
        user: answer.value.user,
        practiceKey: key,
        ...(answer.value.certificateFingerprint
          ? { certificateFingerprint: answer.value.certificateFingerprint }
          : {}),
      }),
    );
  };
  const turnOff = async () => {
    const answer = await platform().syncTurnOff();
    if (!answer.ok) setError(answer.error.message);
    else window.location.reload();
  };
  return (
    <>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="sync-settings-status">{syncStateWords(view.state)}</dd>
        <dt>Server</dt>
        <dd>
          <code>{status.databaseUrl}</code>
        </dd>
        <dt>Sync user</dt>
        <dd>{status.user}</dd>
        <dt>This computer</dt>
        <dd>{status.computerName}</dd>
      </dl>
      {error && <p role="alert">{error}</p>}
      <div className="button-row">
        <button type="button" onClick={() => void showCode()}>
          Show the pairing code
        </button>
        <button type="button" onClick={() => void turnOff()}>
          Turn sync off
        </button>
      </div>
      {code && <PairingCode code={code} />}
      <DeletedElsewhereList />
      {view.problems.length > 0 && (
        <section aria-labelledby="sync-problems-title">
          <h3 id="sync-problems-title">Records not applied</h3>
          <ul data-testid="sync-problems">
            {view.problems.map((problem) => (
              <li key={`${problem.id}-${problem.message}`}>{problem.message}</li>
            ))}
          </ul>
        </section>
      )}
      {view.conflicts.length > 0 && (
        <section aria-labelledby="sync-conflicts-title">
          <h3 id="sync-conflicts-title">Sync conflicts</h3>
          <p className="muted">Signed notes changed on two computers: both versions are kept.</p>
          <ul data-testid="sync-conflicts">
            {view.conflicts.map((conflict) => (
              <li key={conflict.copyId}>
                <a href={`#/sessions/${conflict.noteId}`}>A signed note</a> and{' '}
                <a href={`#/sessions/${conflict.copyId}`}>its other version</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function DeletedElsewhereList() {
  const { deleted } = syncView.use();
  if (deleted.length === 0) return null;
  return (
    <section aria-labelledby="deleted-elsewhere-title">
      <h3 id="deleted-elsewhere-title">Deleted on another computer</h3>
      <ul data-testid="deleted-elsewhere">
        {deleted.map((item) => (
          <li key={item.clientId}>
            {item.label}, deleted on {item.computer} on {new Date(item.at).toLocaleString()}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PairingCode({ code }: { code: string }) {
  const qr = encode(code, { ecc: 'M', border: 2 });
  return (
    <div className="pairing-code">
      <p>
        Type or paste this code on the computer that joins (with the sync password), or scan it. It holds the
        practice key: show it only to the practice’s own computers. It is never sent to the server.
      </p>
      <output data-testid="pairing-code" className="pairing-code-text">
        {code}
      </output>
      <svg
        className="pairing-qr"
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        role="img"
        aria-label="The pairing code as a QR code"
        shapeRendering="crispEdges"
      >
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={qrPath(qr.data)} fill="#000" />
      </svg>
    </div>
  );
}

/** The dark modules of a QR code as one SVG path: a 1×1 square per module. */
function qrPath(data: boolean[][]): string {
  const parts: string[] = [];
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return parts.join('');
}
