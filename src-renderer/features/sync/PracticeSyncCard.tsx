import { type Dispatch, type FormEvent, type SetStateAction, useEffect, useState } from 'react';
import { encode } from 'uqr';
import { pairingCodeForSecrets } from '../../../src-shared/sync/pairing-code';
import { createPracticeKey, practiceKeyToText } from '../../../src-shared/sync/practice-key';
import { readServerAddress } from '../../../src-shared/sync/server-address';
import type { SyncStatus } from '../../../src-shared/sync/sync-settings';
import { formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import { useAppInfo } from '../../app/useAppInfo';
import { platform } from '../../platform';
import { PairingFields, readPairingFields } from './PairingFields';
import { PairAgain, RotatePracticeKey } from './RotatePracticeKey';
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
  const t = useT();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    void platform()
      .syncStatus()
      .then((answer) => (answer.ok ? setStatus(answer.value) : setLoadError(answer.error.message)));
  }, []);
  return (
    <section className="card practice-sync" aria-labelledby="practice-sync-title">
      <h2 id="practice-sync-title">{t('sync.card.title')}</h2>
      {loadError && <p role="alert">{loadError}</p>}
      {status && !status.enabled && <SyncOff />}
      {status?.enabled && <SyncOn status={status} />}
    </section>
  );
}

function SyncOff() {
  const t = useT();
  const [mode, setMode] = useState<Mode>('choose');
  return (
    <>
      <p className="muted">{t('sync.card.offIntro')}</p>
      {mode === 'choose' && (
        <div className="button-row">
          <button type="button" onClick={() => setMode('start')}>
            {t('sync.card.startButton')}
          </button>
          <button type="button" onClick={() => setMode('join')}>
            {t('sync.card.joinButton')}
          </button>
        </div>
      )}
      {mode === 'start' && <StartForm onCancel={() => setMode('choose')} />}
      {mode === 'join' && <JoinForm onCancel={() => setMode('choose')} />}
    </>
  );
}

export async function turnOn(setup: {
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

/** This computer's name to start with: the operating system's name for it. */
function useDefaultComputerName(set: Dispatch<SetStateAction<string>>): void {
  const hostname = useAppInfo().info?.hostname;
  useEffect(() => {
    if (hostname) set((typed) => typed || hostname);
  }, [hostname, set]);
}

function StartForm({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const [serverUrl, setServerUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [computerName, setComputerName] = useState('');
  useDefaultComputerName(setComputerName);
  const [certificateFingerprint, setCertificateFingerprint] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const address = readServerAddress(serverUrl);
    if (!address.ok) next.serverUrl = address.message;
    if (user.trim() === '') next.user = t('sync.card.needUser');
    if (password === '') next.password = t('sync.card.needPassword');
    if (computerName.trim() === '') next.computerName = t('sync.card.needComputerNameStart');
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
    <form onSubmit={submit} noValidate aria-label={t('sync.card.startForm')}>
      <p className="muted">{t('sync.card.startIntro')}</p>
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
          {t('sync.card.startSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('sync.card.cancel')}
        </button>
      </div>
    </form>
  );
}

function JoinForm({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [computerName, setComputerName] = useState('');
  useDefaultComputerName(setComputerName);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { setup, errors: found } = readPairingFields(code, password, t);
    if (computerName.trim() === '') found.computerName = t('sync.card.needComputerNameJoin');
    setErrors(found);
    if (!setup || Object.keys(found).length > 0) return;
    setBusy(true);
    const problem = await turnOn({ ...setup, computerName: computerName.trim() });
    setBusy(false);
    if (problem) setErrors({ form: problem });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('sync.card.joinForm')}>
      <PairingFields
        code={code}
        setCode={setCode}
        password={password}
        setPassword={setPassword}
        errors={errors}
      />
      <Field
        label={t('sync.card.computerName')}
        hint={t('sync.card.computerNameHint')}
        error={errors.computerName}
      >
        <input value={computerName} onChange={(e) => setComputerName(e.target.value)} />
      </Field>
      {errors.form && <p role="alert">{errors.form}</p>}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('sync.card.joinSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('sync.card.cancel')}
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
  const t = useT();
  return (
    <>
      <Field
        label={t('sync.card.serverAddress')}
        hint={t('sync.card.serverAddressHint')}
        error={props.errors.serverUrl}
        wide
      >
        <input
          value={props.serverUrl}
          onChange={(e) => props.setServerUrl(e.target.value)}
          spellCheck={false}
        />
      </Field>
      <Field label={t('sync.card.syncUser')} error={props.errors.user}>
        <input
          value={props.user}
          onChange={(e) => props.setUser(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field label={t('sync.card.syncPassword')} error={props.errors.password}>
        <input
          type="password"
          autoComplete="off"
          value={props.password}
          onChange={(e) => props.setPassword(e.target.value)}
        />
      </Field>
      <Field
        label={t('sync.card.computerName')}
        hint={t('sync.card.computerNameHint')}
        error={props.errors.computerName}
      >
        <input value={props.computerName} onChange={(e) => props.setComputerName(e.target.value)} />
      </Field>
    </>
  );
}

function SyncOn({ status }: { status: SyncStatus }) {
  const t = useT();
  const view = syncView.use();
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const showCode = async () => {
    const answer = await platform().syncSecrets();
    if (!answer.ok || !answer.value) {
      setError(answer.ok ? t('sync.card.syncIsOff') : answer.error.message);
      return;
    }
    const pairing = pairingCodeForSecrets(answer.value);
    if (!pairing) {
      setError(t('sync.card.keyDamaged'));
      return;
    }
    setCode(pairing);
  };
  const turnOff = async () => {
    const answer = await platform().syncTurnOff();
    if (!answer.ok) setError(answer.error.message);
    else window.location.reload();
  };
  return (
    <>
      <dl className="facts">
        <dt>{t('sync.card.status')}</dt>
        <dd data-testid="sync-settings-status">{syncStateWords(view.state, t)}</dd>
        <dt>{t('sync.card.server')}</dt>
        <dd>
          <code>{status.databaseUrl}</code>
        </dd>
        <dt>{t('sync.card.user')}</dt>
        <dd>{status.user}</dd>
        <dt>{t('sync.card.thisComputer')}</dt>
        <dd data-testid="sync-computer-name">{status.computerName}</dd>
      </dl>
      <RenameComputer current={status.computerName ?? ''} />
      {error && <p role="alert">{error}</p>}
      <div className="button-row">
        <button type="button" onClick={() => void showCode()}>
          {t('sync.card.showCode')}
        </button>
        <button type="button" onClick={() => void turnOff()}>
          {t('sync.card.turnOff')}
        </button>
      </div>
      {code && <PairingCode code={code} />}
      <PairAgain computerName={status.computerName ?? ''} />
      <RotatePracticeKey />
      <DeletedElsewhereList />
      {view.problems.length > 0 && (
        <section aria-labelledby="sync-problems-title">
          <h3 id="sync-problems-title">{t('sync.card.problems')}</h3>
          <ul data-testid="sync-problems">
            {view.problems.map((problem) => (
              <li key={`${problem.id}-${problem.message}`}>{problem.message}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="sync-conflicts-title">
        <h3 id="sync-conflicts-title">{t('sync.card.conflicts')}</h3>
        <p className="muted" data-testid="sync-conflicts">
          {t('sync.card.conflictsIntro', { count: view.conflicts.length })}
        </p>
        <a href="#/sync-conflicts">{t('sync.card.openConflicts')}</a>
      </section>
    </>
  );
}

/** Every note, addendum and audit entry written here records this name (see docs/sync.md). */
function RenameComputer({ current }: { current: string }) {
  const t = useT();
  const [name, setName] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('sync.card.needComputerNameStart'));
      return;
    }
    const answer = await platform().syncRenameComputer({ computerName: name.trim() });
    if (!answer.ok) setError(answer.error.message);
    else window.location.reload();
  };
  return (
    <form onSubmit={save} noValidate aria-label={t('sync.card.rename')}>
      <Field
        label={t('sync.card.computerName')}
        hint={t('sync.card.computerNameHint')}
        error={error ?? undefined}
      >
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <button type="submit" disabled={name.trim() === current}>
        {t('sync.card.saveName')}
      </button>
    </form>
  );
}

function DeletedElsewhereList() {
  const t = useT();
  const { deleted } = syncView.use();
  if (deleted.length === 0) return null;
  return (
    <section aria-labelledby="deleted-elsewhere-title">
      <h3 id="deleted-elsewhere-title">{t('sync.card.deleted')}</h3>
      <ul data-testid="deleted-elsewhere">
        {deleted.map((item) => (
          <li key={item.clientId}>
            {t('sync.card.deletedItem', {
              label: item.label,
              computer: item.computer,
              at: formatTimestamp(item.at),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PairingCode({ code }: { code: string }) {
  const t = useT();
  const qr = encode(code, { ecc: 'M', border: 2 });
  return (
    <div className="pairing-code">
      <p>{t('sync.card.pairingIntro')}</p>
      <output data-testid="pairing-code" className="pairing-code-text">
        {code}
      </output>
      <svg
        className="pairing-qr"
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        role="img"
        aria-label={t('sync.card.pairingQr')}
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
