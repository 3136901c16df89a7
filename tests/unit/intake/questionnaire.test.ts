import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/domain/dates';
import { emptyHealthHistory } from '../../../src-shared/domain/health-history';
import { translatorFor } from '../../../src-shared/i18n';
import { answerProblems, toSubmittedAnswers, visibleQuestions } from '../../../src-shared/intake/answers';
import {
  allQuestions,
  INTAKE_SECTIONS,
  sectionsFor,
  translateSections,
  UPDATE_SECTIONS,
} from '../../../src-shared/intake/questionnaire';
import type { Answers } from '../../../src-shared/intake/records';
import { applyProposals, proposalsFor } from '../../../src-shared/intake/to-health-history';
import { BUILT_IN_RULES, evaluateContraindications } from '../../../src-shared/safety';

const TODAY = '2026-12-07';

/** Yes to one health question, with every follow-up answered the risky way, dated last week. */
function yesTo(questionId: string): Answers {
  const answers: Answers = { [questionId]: true };
  for (const q of allQuestions()) {
    if (q.showIf?.questionId !== questionId) continue;
    if (q.kind === 'date') answers[q.id] = q.id === 'pregnant.due' ? addDays(TODAY, 90) : addDays(TODAY, -7);
    if (q.kind === 'yes-no') answers[q.id] = q.id.endsWith('.severe') || q.id.endsWith('.highRisk');
    if (q.kind === 'choice') answers[q.id] = q.options![0]!.value;
  }
  return answers;
}

function rulesTriggeredBy(answers: Answers, dateOfBirth: string | null = '1980-01-01'): string[] {
  const submitted = toSubmittedAnswers(
    INTAKE_SECTIONS,
    { dateOfBirth: dateOfBirth ?? '', ...answers },
    TODAY,
  );
  const empty = emptyHealthHistory('c1', new Date());
  const lists = applyProposals(empty, proposalsFor(submitted, empty, null));
  const history = { ...empty, ...lists, reviewedAt: TODAY };
  return evaluateContraindications(history, { today: TODAY, dateOfBirth }).map((f) => f.ruleId);
}

describe('the intake questionnaire', () => {
  const healthQuestions = allQuestions().filter((q) => q.health);

  it('has a question that triggers every rule of the contraindication table', () => {
    const triggered = new Set<string>();
    for (const q of healthQuestions) for (const rule of rulesTriggeredBy(yesTo(q.id))) triggered.add(rule);
    // The age rule reads the date of birth the form asks for.
    for (const rule of rulesTriggeredBy({}, addDays(TODAY, -200))) triggered.add(rule);
    const missing = BUILT_IN_RULES.map((r) => r.id).filter((id) => !triggered.has(id));
    expect(missing, 'rules no intake question can trigger').toEqual([]);
  });

  it('asks "when" for every question whose rule has a time window', () => {
    for (const rule of BUILT_IN_RULES.filter((r) => r.window && r.id !== 'infant')) {
      const askers = healthQuestions.filter((q) => rulesTriggeredBy(yesTo(q.id)).includes(rule.id));
      const withWhen = askers.filter((q) => allQuestions().some((f) => f.id === `${q.id}.when`));
      expect(withWhen.length, `${rule.id}: a question that asks when`).toBeGreaterThan(0);
    }
  });

  it('a skull fracture three weeks ago reads as "Do not treat"', () => {
    const answers = { skullFracture: true, 'skullFracture.when': addDays(TODAY, -21) };
    const submitted = toSubmittedAnswers(INTAKE_SECTIONS, answers, TODAY);
    const empty = emptyHealthHistory('c1', new Date());
    const history = {
      ...empty,
      ...applyProposals(empty, proposalsFor(submitted, empty, null)),
      reviewedAt: TODAY,
    };
    const findings = evaluateContraindications(history, { today: TODAY });
    expect(findings.find((f) => f.ruleId === 'skull-fracture')?.severity).toBe('AVOID');
  });

  it('skips follow-ups until a yes, and pregnancy questions where they cannot apply', () => {
    const ids = (answers: Answers) => visibleQuestions(INTAKE_SECTIONS, answers, TODAY).map((q) => q.id);
    expect(ids({})).not.toContain('skullFracture.when');
    expect(ids({ skullFracture: true })).toContain('skullFracture.when');
    expect(ids({ dateOfBirth: '1990-05-05' })).toContain('pregnant');
    expect(ids({ dateOfBirth: '1940-05-05' })).not.toContain('pregnant');
    expect(ids({ dateOfBirth: '2020-05-05' })).not.toContain('pregnant');
  });

  it('says what is wrong beside the field: future and impossible dates, over-long answers, required fields', () => {
    const problems = answerProblems(
      INTAKE_SECTIONS,
      {
        firstName: 'Ada',
        lastName: '',
        dateOfBirth: '1990-02-30',
        skullFracture: true,
        'skullFracture.when': addDays(TODAY, 3),
        reason: 'x'.repeat(5_000),
      },
      TODAY,
    );
    expect(problems.lastName).toBe('Please fill this in');
    expect(problems.dateOfBirth).toMatch(/real date/);
    expect(problems['skullFracture.when']).toMatch(/in the future/);
    expect(problems.reason).toMatch(/under 2,000 characters/);
    expect(problems.firstName).toBeUndefined();
  });

  it('compares each answer with the history: new, changed, same', () => {
    const empty = emptyHealthHistory('c1', new Date());
    const first = toSubmittedAnswers(INTAKE_SECTIONS, { osteoporosis: true, fever: false }, TODAY);
    const proposals = proposalsFor(first, empty, null);
    expect(proposals.find((p) => p.key === 'osteoporosis')?.change).toBe('new');
    expect(proposals.find((p) => p.key === 'fever')?.change).toBe('same');
    const history = { ...empty, ...applyProposals(empty, proposals) };
    const again = proposalsFor(
      toSubmittedAnswers(INTAKE_SECTIONS, { osteoporosis: true, fever: true }, TODAY),
      history,
      null,
    );
    expect(again.filter((p) => p.change !== 'same').map((p) => p.key)).toEqual(['fever']);
    const gone = proposalsFor(
      toSubmittedAnswers(INTAKE_SECTIONS, { osteoporosis: false }, TODAY),
      history,
      null,
    );
    expect(gone.find((p) => p.key === 'osteoporosis')?.change).toBe('changed');
  });
});

describe("the practice's own questions", () => {
  it('are asked after the built-in ones, checked like them, and kept with their words', () => {
    const sections = sectionsFor('intake', [
      { id: 'parking', kind: 'choice', label: 'Where will you park?', options: ['Street', 'Car park'] },
      { id: 'first-visit', kind: 'date', label: 'When did you first hear of us?', options: [] },
    ]);
    expect(sections.at(-1)?.questions.map((q) => q.id)).toEqual(['custom:parking', 'custom:first-visit']);
    const problems = answerProblems(
      sections,
      {
        firstName: 'Ada',
        lastName: 'Lovelace',
        dateOfBirth: '1990-01-01',
        'custom:parking': 'Bicycle',
        'custom:first-visit': addDays(TODAY, 2),
      },
      TODAY,
    );
    expect(problems['custom:parking']).toBe('Please pick one of the choices');
    expect(problems['custom:first-visit']).toMatch(/in the future/);
    const kept = toSubmittedAnswers(sections, { 'custom:parking': 'Street' }, TODAY);
    expect(kept.find((a) => a.questionId === 'custom:parking')).toEqual({
      questionId: 'custom:parking',
      question: 'Where will you park?',
      value: 'Street',
    });
    // The update form asks them too.
    expect(
      sectionsFor('update', [{ id: 'x', kind: 'text', label: 'Anything new?', options: [] }]).at(-1)?.id,
    ).toBe('practice');
  });

  it('in the client language: every built-in question, choice and title translated, ids unchanged', () => {
    const practice = [
      { id: 'parking', kind: 'yes-no' as const, label: 'Do you need a parking space?', options: [] },
    ];
    const english = sectionsFor('intake', practice);
    const spanish = translateSections(english, translatorFor('es'));
    expect(allQuestions(spanish).map((q) => q.id)).toEqual(allQuestions(english).map((q) => q.id));
    for (const [index, question] of allQuestions(english).entries()) {
      const translated = allQuestions(spanish)[index]!;
      if (question.id === 'custom:parking') expect(translated.label).toBe(question.label);
      else {
        expect(question.textKey, question.id).toBeDefined();
        expect(translated.label, question.id).not.toBe(question.label);
      }
    }
    expect(spanish.map((section) => section.title)).toEqual([
      'Sobre usted',
      'Por qué viene',
      'Su salud',
      'Algunas preguntas más',
    ]);
    expect(
      allQuestions(spanish)
        .find((q) => q.id === 'surgery.site')
        ?.options?.map((o) => o.label),
    ).toEqual(['Cabeza', 'Cuello o espalda']);
    const update = translateSections(UPDATE_SECTIONS, translatorFor('de'));
    expect(update[0]?.questions[0]?.label).toBe('Hat sich seit Ihrem letzten Besuch etwas verändert?');
    // English through the catalogue is the text it always was.
    expect(translateSections(english, translatorFor('en'))).toEqual(english);
  });

  it("says what is wrong in the client's language", () => {
    const problems = answerProblems(
      INTAKE_SECTIONS,
      { dateOfBirth: '2099-01-01' },
      TODAY,
      translatorFor('es'),
    );
    expect(problems.firstName).toBe('Por favor, rellene este campo');
    expect(problems.dateOfBirth).toBe('Su fecha de nacimiento no puede estar en el futuro');
  });
});
