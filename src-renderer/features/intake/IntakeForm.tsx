import { type FormEvent, useEffect, useRef, useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { answerProblems, isVisible, toSubmittedAnswers } from '../../../src-shared/intake/answers';
import { DEFAULT_CONSENT_TEXT } from '../../../src-shared/intake/default-consent';
import { sectionsFor } from '../../../src-shared/intake/questionnaire';
import {
  type Answers,
  type ConsentVersion,
  consentInForce,
  EMPTY_SIGNATURE_MESSAGE,
  SIGNER_ROLE_LABELS,
  SIGNER_ROLES,
  type Signature,
  SignatureSchema,
  type SignerRole,
} from '../../../src-shared/intake/records';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_SETTINGS_KEY,
  IntakeSettingsSchema,
} from '../../../src-shared/intake/settings';
import { repositories } from '../../app/repositories';
import type { ClientMode } from './client-mode';
import { QuestionField } from './QuestionField';
import { SignatureBox } from './SignatureBox';

interface Loaded {
  answers: Answers;
  needsConsent: boolean;
  consent: ConsentVersion;
  witness: string;
  practiceQuestions: typeof DEFAULT_INTAKE_SETTINGS.customQuestions;
}

/** The first answers: the draft, else (an update) the last submission's, else what the client record knows. */
async function load(mode: ClientMode): Promise<Loaded> {
  const repos = repositories();
  const [draft, submissions, client, consents, practice, settings] = await Promise.all([
    repos.intake.draft(mode.clientId),
    repos.intake.listForClient(mode.clientId),
    repos.clients.get(mode.clientId),
    repos.consents.listForClient(mode.clientId),
    repos.settings.get(SETTINGS_KEYS.practice, PracticeSettingsSchema, emptyPracticeSettings('en-GB')),
    repos.settings.get(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, DEFAULT_INTAKE_SETTINGS),
  ]);
  let answers: Answers = {};
  if (draft && draft.kind === mode.kind) answers = draft.answers;
  else if (mode.kind === 'update' && submissions[0]) {
    for (const a of submissions[0].answers) answers[a.questionId] = a.value;
    delete answers.changes;
  } else if (client) {
    answers = { firstName: client.firstName, lastName: client.lastName, dateOfBirth: client.dateOfBirth };
  }
  const consent = await repos.consents.currentOrDefault(DEFAULT_CONSENT_TEXT);
  return {
    answers,
    needsConsent: mode.kind === 'intake' || consentInForce(consents) === null,
    consent,
    witness: practice.therapistName,
    practiceQuestions: settings.customQuestions,
  };
}

/**
 * The form the client fills in, in client mode: the questions (follow-ups only after a yes),
 * then the consent to read and sign. Every change is kept as a draft at once, so walking away,
 * the screen clearing or the app closing loses nothing. Submitting keeps the answers exactly as
 * given; nothing reaches the health history until the therapist reviews it.
 */
export function IntakeForm({ mode, onSubmitted }: { mode: ClientMode; onSubmitted: () => void }) {
  // Read once (it may write the practice's first consent version): later changes come from the
  // client typing, not from the database.
  const [initial, setInitial] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load(mode).then(
      (value) => live && setInitial(value),
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [mode]);
  if (failed)
    return <p className="field-error">The form could not be opened: {failed} Please tell your therapist.</p>;
  if (!initial) return <p className="muted">Loading…</p>;
  return <FormSteps mode={mode} loaded={initial} onSubmitted={onSubmitted} />;
}

function FormSteps({
  mode,
  loaded,
  onSubmitted,
}: {
  mode: ClientMode;
  loaded: Loaded;
  onSubmitted: () => void;
}) {
  const [answers, setAnswers] = useState<Answers>(loaded.answers);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [step, setStep] = useState<'questions' | 'consent'>('questions');
  const [saveError, setSaveError] = useState<string | null>(null);
  // How many answers the stored draft holds: shown to the client, read by tests before a reload.
  const [kept, setKept] = useState<number | null>(null);
  const today = localToday();
  const sections = sectionsFor(mode.kind, loaded.practiceQuestions);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    repositories()
      .intake.saveDraft(mode.clientId, mode.kind, answers)
      .then(
        (draft) => {
          setSaveError(null);
          setKept(Object.values(draft.answers).filter((v) => v !== null && v !== '').length);
        },
        () => setSaveError('Your answers could not be kept just now. Please tell your therapist.'),
      );
  }, [answers, mode.clientId, mode.kind]);

  const change = (id: string, value: Answers[string]) => {
    setAnswers((prev) => ({ ...prev, [id]: value }));
    setProblems((prev) => {
      if (!(id in prev)) return prev;
      const { [id]: _gone, ...rest } = prev;
      return rest;
    });
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const found = answerProblems(sections, answers, today);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (loaded.needsConsent) setStep('consent');
    else void submit(null);
  };

  const submit = async (signed: { name: string; role: SignerRole; signature: Signature } | null) => {
    const repos = repositories();
    const consent = signed
      ? await repos.consents.prepareSigned({
          clientId: mode.clientId,
          consentVersionId: loaded.consent.id,
          text: loaded.consent.text,
          typedName: signed.name,
          signerRole: signed.role,
          signature: signed.signature,
          witness: loaded.witness,
        })
      : null;
    await repos.intake.submit({
      clientId: mode.clientId,
      kind: mode.kind,
      answers: toSubmittedAnswers(sections, answers, today),
      consent,
    });
    onSubmitted();
  };

  if (step === 'consent') {
    return (
      <ConsentStep
        consent={loaded.consent}
        defaultName={[answers.firstName, answers.lastName].filter((v) => typeof v === 'string').join(' ')}
        onBack={() => setStep('questions')}
        onSign={(signed) => submit(signed)}
      />
    );
  }

  return (
    <form className="intake-form" onSubmit={next} noValidate>
      <h1>{mode.kind === 'intake' ? 'About you and your health' : 'Has anything changed?'}</h1>
      <p className="intake-lead">
        Your answers help your therapist keep your sessions safe. They go only to your therapist, who will go
        through them with you.
      </p>
      {sections.map((section) => {
        const visible = section.questions.filter((q) => isVisible(q, answers, today));
        if (visible.length === 0) return null;
        return (
          <section key={section.id} className="card intake-section" aria-labelledby={`intake-${section.id}`}>
            <h2 id={`intake-${section.id}`}>{section.title}</h2>
            {visible.map((question) => (
              <div key={question.id} className={question.showIf ? 'follow-up' : undefined}>
                <QuestionField
                  question={question}
                  value={answers[question.id]}
                  error={problems[question.id]}
                  onChange={(value) => change(question.id, value)}
                />
              </div>
            ))}
          </section>
        );
      })}
      {Object.keys(problems).length > 0 && (
        <p className="field-error" role="alert">
          Please look at the answers marked above.
        </p>
      )}
      {saveError && (
        <p className="field-error" role="alert">
          {saveError}
        </p>
      )}
      <p className="muted" role="status" data-testid="answers-kept" data-kept={kept ?? 0}>
        {kept === null ? 'Your answers are kept as you go.' : 'Your answers so far are kept.'}
      </p>
      <div className="button-row">
        <button type="submit" className="primary">
          {loaded.needsConsent ? 'Next: consent' : 'Send to my therapist'}
        </button>
      </div>
    </form>
  );
}

function ConsentStep({
  consent,
  defaultName,
  onBack,
  onSign,
}: {
  consent: ConsentVersion;
  defaultName: string;
  onBack: () => void;
  onSign: (signed: { name: string; role: SignerRole; signature: Signature }) => Promise<void>;
}) {
  const [name, setName] = useState(defaultName);
  const [role, setRole] = useState<SignerRole>('client');
  const [signature, setSignature] = useState<Signature | null>(null);
  const [errors, setErrors] = useState<{ name?: string; signature?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);

  const sign = async (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (name.trim() === '') next.name = 'Please type your full name';
    if (!signature || !SignatureSchema.safeParse(signature).success) next.signature = EMPTY_SIGNATURE_MESSAGE;
    setErrors(next);
    if (next.name || next.signature || !signature) return;
    setBusy(true);
    try {
      await onSign({ name: name.trim(), role, signature });
    } catch (error) {
      setErrors({ save: error instanceof Error ? error.message : String(error) });
      setBusy(false);
    }
  };

  return (
    <form className="intake-form" onSubmit={(event) => void sign(event)} noValidate>
      <h1>Consent</h1>
      <section className="card consent-text" aria-label={`Consent, version ${consent.version}`}>
        {consent.text.split(/\n+/).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p className="muted">Version {consent.version}</p>
      </section>
      <section className="card">
        <fieldset className="field">
          <legend>Who is signing?</legend>
          {SIGNER_ROLES.map((r) => (
            <label key={r}>
              <input type="radio" name="signer-role" checked={role === r} onChange={() => setRole(r)} />{' '}
              {r === 'client' ? 'I am the client' : `${SIGNER_ROLE_LABELS[r]} of the client`}
            </label>
          ))}
        </fieldset>
        <div className="field wide">
          <label htmlFor="consent-name">Your full name</label>
          <input
            id="consent-name"
            type="text"
            value={name}
            aria-invalid={errors.name ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {errors.name && (
            <span className="field-error" role="alert">
              {errors.name}
            </span>
          )}
        </div>
        <div className="field wide">
          <span className="label">Your signature</span>
          <SignatureBox
            error={errors.signature}
            onChange={(value) => {
              setSignature(value);
              setErrors((prev) => ({ ...prev, signature: undefined }));
            }}
          />
        </div>
      </section>
      {errors.save && (
        <p className="field-error" role="alert">
          {errors.save}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Sign and send to my therapist
        </button>
        <button type="button" onClick={onBack}>
          Back to my answers
        </button>
      </div>
    </form>
  );
}
