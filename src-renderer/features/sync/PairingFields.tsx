import { pairingKeyText, readPairingCode } from '../../../src-shared/sync/pairing-code';
import { useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';

/** What a pairing code and the sync password set up (the computer's name is the form's own). */
export interface PairingSetup {
  serverUrl: string;
  user: string;
  password: string;
  practiceKey: string;
  certificateFingerprint?: string;
}

/**
 * The pairing code and the sync password, as a computer joins the practice and as it pairs again
 * after the key was rotated (the same two fields, the same checks, in both forms).
 */
export function PairingFields(props: {
  code: string;
  setCode: (code: string) => void;
  password: string;
  setPassword: (password: string) => void;
  errors: Readonly<Record<string, string>>;
}) {
  const t = useT();
  return (
    <>
      <Field
        label={t('sync.card.pairingCode')}
        hint={t('sync.card.pairingCodeHint')}
        error={props.errors.code}
        wide
      >
        <textarea
          rows={3}
          value={props.code}
          onChange={(e) => props.setCode(e.target.value)}
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
    </>
  );
}

/**
 * The typed code and password checked: the sync settings they name, or the fields' messages (a
 * mistyped code says why; a code is never sent anywhere to be checked).
 */
export function readPairingFields(
  code: string,
  password: string,
  t: ReturnType<typeof useT>,
): { setup: PairingSetup | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const pairing = readPairingCode(code);
  if (!pairing.ok) errors.code = pairing.message;
  if (password === '') errors.password = t('sync.card.needJoinPassword');
  if (!pairing.ok || Object.keys(errors).length > 0) return { setup: null, errors };
  const { serverUrl, user, certificateFingerprint } = pairing.pairing;
  return {
    setup: {
      serverUrl,
      user,
      password,
      practiceKey: pairingKeyText(pairing.pairing),
      ...(certificateFingerprint ? { certificateFingerprint } : {}),
    },
    errors,
  };
}
