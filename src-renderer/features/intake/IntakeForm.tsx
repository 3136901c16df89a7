import { type FormEvent, useEffect, useRef, useState } from 'react';
import { localToday } from '../../../src-shared/domain/dates';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import type { Language } from '../../../src-shared/i18n';
import { answerProblems, isVisible, toSubmittedAnswers } from '../../../src-shared/intake/answers';
import { consentTextFor, DEFAULT_CONSENT_TEXT } from '../../../src-shared/intake/default-consent';
import { sectionsFor, translateSections } from '../../../src-shared/intake/questionnaire';
import {
  type Answers,
  consentInForce,
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
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import type { ClientMode } from './client-mode';
import { QuestionField } from './QuestionField';
import { SignatureBox } from './SignatureBox';

/** The consent the client reads and signs: its version, and the words in the client's language. */
interface ConsentToSign {
  versionId: string;
  version: number;
  text: string;
  /** Stillpoint's standard wording, because the practice's edited text is in another language. */
  standardInsteadOfEdited: boolean;
}

interface Loaded {
  answers: Answers;
  needsConsent: boolean;
  consent: ConsentToSign;
  witness: string;
  practiceQuestions: typeof DEFAULT_INTAKE_SETTINGS.customQuestions;
}

/** The first answers: the draft, else (an update) the last submission's, else what the client record knows. */
async function load(mode: ClientMode, language: Language): Promise<Loaded> {
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
  const version = await repos.consents.currentOrDefault(DEFAULT_CONSENT_TEXT);
  const words = consentTextFor(language, version.text);
  return {
    answers,
    needsConsent: mode.kind === 'intake' || consentInForce(consents) === null,
    consent: {
      versionId: version.id,
      version: version.version,
      text: words.text,
      standardInsteadOfEdited: words.standard && words.edited,
    },
    witness: practice.therapistName,
    practiceQuestions: settings.customQuestions,
  };
}

/**
 * The form the client fills in, in client mode: the questions (follow-ups only after a yes),
 * then the consent to read and sign. Every change is kept as a draft at once, so walking away,
 * the screen clearing or the app closing loses nothing. Submitting keeps the answers exactly as
 * given; nothing reaches the health history until the therapist reviews it. Everything here is
 * in the client's language (`useT()` inside ClientLanguage), the answers kept with the words as
 * the client read them.
 */
export function IntakeForm({
  mode,
  language,
  onSubmitted,
}: {
  mode: ClientMode;
  language: Language;
  onSubmitted: () => void;
}) {
  const t = useT();
  // Read once (it may write the practice's first consent version): later changes come from the
  // client typing, not from the database.
  const [initial, setInitial] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load(mode, language).then(
      (value) => live && setInitial(value),
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [mode, language]);
  if (failed) return <p className="field-error">{t('intake.form.openFailed', { reason: failed })}</p>;
  if (!initial) return <p className="muted">{t('intake.form.loading')}</p>;
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
  const t = useT();
  const [answers, setAnswers] = useState<Answers>(loaded.answers);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [step, setStep] = useState<'questions' | 'consent'>('questions');
  const [saveError, setSaveError] = useState<string | null>(null);
  // How many answers the stored draft holds: shown to the client, read by tests before a reload.
  const [kept, setKept] = useState<number | null>(null);
  const today = localToday();
  const sections = translateSections(sectionsFor(mode.kind, loaded.practiceQuestions), t);
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
        () => setSaveError(t('intake.form.notKept')),
      );
  }, [answers, mode.clientId, mode.kind, t]);

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
    const found = answerProblems(sections, answers, today, t);
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
          consentVersionId: loaded.consent.versionId,
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
      <h1>{mode.kind === 'intake' ? t('intake.form.titleIntake') : t('intake.form.titleUpdate')}</h1>
      <p className="intake-lead">{t('intake.form.lead')}</p>
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
          {t('intake.form.lookAbove')}
        </p>
      )}
      {saveError && (
        <p className="field-error" role="alert">
          {saveError}
        </p>
      )}
      <p className="muted" role="status" data-testid="answers-kept" data-kept={kept ?? 0}>
        {kept === null ? t('intake.form.keptAsYouGo') : t('intake.form.keptSoFar')}
      </p>
      <div className="button-row">
        <button type="submit" className="primary">
          {loaded.needsConsent ? t('intake.form.nextConsent') : t('intake.form.send')}
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
  consent: ConsentToSign;
  defaultName: string;
  onBack: () => void;
  onSign: (signed: { name: string; role: SignerRole; signature: Signature }) => Promise<void>;
}) {
  const t = useT();
  const [name, setName] = useState(defaultName);
  const [role, setRole] = useState<SignerRole>('client');
  const [signature, setSignature] = useState<Signature | null>(null);
  const [errors, setErrors] = useState<{ name?: string; signature?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);

  const sign = async (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (name.trim() === '') next.name = t('intake.consent.typeName');
    if (!signature || !SignatureSchema.safeParse(signature).success)
      next.signature = t('intake.consent.signHere');
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
      <h1>{t('intake.consent.title')}</h1>
      <section
        className="card consent-text"
        aria-label={t('intake.consent.regionLabel', { version: consent.version })}
      >
        {consent.text.split(/\n+/).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p className="muted">{t('intake.consent.version', { version: consent.version })}</p>
        {consent.standardInsteadOfEdited && (
          <p className="muted" role="note" data-testid="standard-consent-note">
            {t('intake.consent.standardNote')}
          </p>
        )}
      </section>
      <section className="card">
        <fieldset className="field">
          <legend>{t('intake.consent.whoSigns')}</legend>
          {SIGNER_ROLES.map((r) => (
            <label key={r}>
              <input type="radio" name="signer-role" checked={role === r} onChange={() => setRole(r)} />{' '}
              {t(`intake.consent.${r}`)}
            </label>
          ))}
        </fieldset>
        <div className="field wide">
          <label htmlFor="consent-name">{t('intake.consent.fullName')}</label>
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
          <span className="label">{t('intake.consent.signature')}</span>
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
          {t('intake.consent.sign')}
        </button>
        <button type="button" onClick={onBack}>
          {t('intake.consent.back')}
        </button>
      </div>
    </form>
  );
}
