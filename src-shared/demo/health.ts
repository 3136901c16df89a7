import type {
  Clearance,
  Condition,
  ConditionSeverity,
  HeadInjury,
  HealthHistory,
  Medication,
  Pregnancy,
  Surgery,
  SurgerySite,
} from '../domain/health-history';
import type { Id } from '../domain/ids';
import type { CatalogId } from '../safety/catalog';
import type { BuiltInRuleId } from '../safety/rules';
import { clearingPhysician, REFERRERS, type Sex } from './people';
import { type Random, Weighted } from './random';
import { isoDay, timestampAt } from './time';

/**
 * A client's health history as of today, and the history as it stood on any earlier day, so a
 * note dated years ago carries the safety findings of that day (a fracture recorded last month
 * is no finding in a note from 2019).
 *
 * Most histories are empty or hold a condition or two that no rule names; about one in eight
 * holds something from the contraindication table (osteoporosis, a blood thinner, a pregnancy, a
 * recent skull fracture ...), so findings of every severity appear in the demo data.
 */

interface Dated<T> {
  item: T;
  /** First day the item is in the history (entered at intake, or when the client reported it). */
  from: number;
}

interface DatedCondition extends Dated<Condition> {
  /** Day it resolved; before that day the condition shows as current. */
  resolvedDay: number | null;
}

export interface ClientHistory {
  /** The history as stored today. */
  history: HealthHistory;
  /** The history as it stood on `day`, or null when nothing in it could trigger a rule. */
  asOf(day: number): HealthHistory | null;
  /** A case profile id the history suggests ('post-concussion', 'pregnancy-postnatal'). */
  suggestedProfile: string | null;
}

export interface HistoryContext {
  clientId: Id;
  sex: Sex;
  /** Age in whole years today, null when the date of birth is not known. */
  age: number | null;
  dobDay: number | null;
  /** Day the client record was created (intake). */
  intakeDay: number;
  /** Time of day of the intake, in seconds after midnight. */
  intakeSecond: number;
  /** Days of the client's sessions, oldest first. */
  sessionDays: readonly number[];
  today: number;
  referringPhysician: string;
}

const COMMON_CONDITIONS = [
  'Migraine with aura',
  'Tension-type headaches',
  'Chronic neck pain',
  'Whiplash-associated disorder',
  'Lower back pain',
  'Sciatica (left)',
  'TMJ dysfunction',
  'Bruxism',
  'Tinnitus',
  'Fibromyalgia',
  'Chronic fatigue syndrome',
  'Generalised anxiety',
  'Depression',
  'Insomnia',
  'Asthma',
  'Hypothyroidism',
  'Type 2 diabetes',
  'Hypertension',
  'Irritable bowel syndrome',
  'Endometriosis',
  'Scoliosis',
  'Plantar fasciitis',
  'Vertigo (BPPV)',
  'Rheumatoid arthritis',
  'Osteoarthritis of the knees',
  'Carpal tunnel syndrome',
  'Frozen shoulder',
  'Seasonal allergies',
  'Coeliac disease',
];

const INFANT_CONDITIONS = [
  'Colic',
  'Plagiocephaly',
  'Torticollis',
  'Feeding difficulties',
  'Reflux',
  'Born at 36 weeks',
  'Tongue tie (snipped)',
];

const COMMON_MEDICATIONS: readonly (readonly [string, string])[] = [
  ['Levothyroxine', '50 mcg daily'],
  ['Sertraline', '50 mg daily'],
  ['Amitriptyline', '10 mg at night'],
  ['Propranolol', '40 mg twice daily'],
  ['Sumatriptan', '50 mg as needed'],
  ['Ibuprofen', '400 mg as needed'],
  ['Metformin', '500 mg twice daily'],
  ['Ramipril', '5 mg daily'],
  ['Omeprazole', '20 mg daily'],
  ['Cetirizine', '10 mg daily'],
  ['Salbutamol inhaler', 'as needed'],
  ['Combined oral contraceptive', ''],
  ['Vitamin D', '1000 IU daily'],
  ['Magnesium', '300 mg at night'],
  ['Atorvastatin', '20 mg daily'],
  ['Aspirin', '75 mg daily'],
];

const ANTICOAGULANTS: readonly (readonly [string, string])[] = [
  ['Apixaban', '5 mg twice daily'],
  ['Warfarin', 'as per INR clinic'],
  ['Rivaroxaban', '20 mg daily'],
  ['Edoxaban', '60 mg daily'],
  ['Xarelto', '15 mg daily'],
];

const OTHER_SURGERIES = [
  'Appendectomy',
  'Caesarean section',
  'Knee arthroscopy',
  'Tonsillectomy',
  'Wisdom teeth removed',
  'Hysterectomy',
  'Gallbladder removal',
  'Hernia repair',
  'Carpal tunnel release',
];

const HEAD_INJURIES = [
  'Fell from a horse',
  'Bike accident, helmet on',
  'Rugby tackle, brief loss of consciousness',
  'Slipped on ice, hit the back of the head',
  'Car accident, hit head on the side window',
  'Hit head on a cupboard door',
];

type Scenario =
  | 'osteoporosis'
  | 'anticoagulant'
  | 'dvt'
  | 'bleeding-disorder'
  | 'skull-fracture'
  | 'concussion'
  | 'spinal-surgery'
  | 'cranial-surgery'
  | 'stroke'
  | 'aneurysm'
  | 'chiari'
  | 'epilepsy'
  | 'brain-tumour'
  | 'acute-infection'
  | 'lumbar-puncture';

const YEAR = 365;

const CONDITION_COUNTS = new Weighted([
  [0, 64],
  [1, 24],
  [2, 9],
  [3, 3],
] as const);

function clampDay(day: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, day));
}

class HistoryBuilder {
  conditions: DatedCondition[] = [];
  medications: Dated<Medication>[] = [];
  surgeries: Dated<Surgery>[] = [];
  headInjuries: Dated<HeadInjury>[] = [];
  clearances: Dated<Clearance>[] = [];
  pregnancy: Dated<Pregnancy> | null = null;
  suggestedProfile: string | null = null;
  private readonly random: Random;
  private readonly context: HistoryContext;

  constructor(random: Random, context: HistoryContext) {
    this.random = random;
    this.context = context;
  }

  /** A day the client could have reported something: intake, or one of their sessions. */
  reportDay(): number {
    const { sessionDays, intakeDay } = this.context;
    if (sessionDays.length === 0 || this.random.chance(0.7)) return intakeDay;
    return this.random.pick(sessionDays);
  }

  /** A day in the care period (first to last session), or the intake day without sessions. */
  careDay(): number {
    const { sessionDays, intakeDay } = this.context;
    if (sessionDays.length === 0) return intakeDay;
    return this.random.int(sessionDays[0]!, sessionDays[sessionDays.length - 1]!);
  }

  /** Some years before intake, not before birth. */
  pastDay(minYears: number, maxYears: number): number {
    const { intakeDay, dobDay } = this.context;
    const day = intakeDay - this.random.int(Math.round(minYears * YEAR), Math.round(maxYears * YEAR));
    return dobDay === null ? day : Math.max(dobDay + 1, day);
  }

  condition(
    fields: {
      catalogId: CatalogId | null;
      label: string;
      onsetDay: number | null;
      resolvedDay?: number | null;
      severity?: ConditionSeverity | null;
      treated?: boolean | null;
      notes?: string;
    },
    from: number,
  ): Condition {
    const today = this.context.today;
    const resolvedDay = fields.resolvedDay ?? null;
    const resolvedKnown = resolvedDay !== null && resolvedDay <= today;
    const item: Condition = {
      id: this.random.uuid(),
      catalogId: fields.catalogId,
      label: fields.label,
      status: resolvedKnown ? 'past' : 'current',
      onsetDate: fields.onsetDay === null ? null : isoDay(Math.min(fields.onsetDay, today)),
      resolvedDate: resolvedKnown ? isoDay(resolvedDay) : null,
      severity: fields.severity ?? null,
      treated: fields.treated ?? null,
      notes: fields.notes ?? '',
    };
    this.conditions.push({
      item,
      from: Math.min(from, today),
      resolvedDay: resolvedKnown ? resolvedDay : null,
    });
    return item;
  }

  medication(name: string, dose: string, anticoagulant: boolean, from: number): Medication {
    const item: Medication = { id: this.random.uuid(), name, dose, anticoagulant };
    this.medications.push({ item, from: Math.min(from, this.context.today) });
    return item;
  }

  surgery(day: number | null, site: SurgerySite, description: string, from: number): Surgery {
    const item: Surgery = {
      id: this.random.uuid(),
      date: day === null ? null : isoDay(Math.min(day, this.context.today)),
      site,
      description,
    };
    this.surgeries.push({ item, from: Math.min(from, this.context.today) });
    return item;
  }

  headInjury(day: number, description: string, treated: boolean, from: number): HeadInjury {
    const item: HeadInjury = {
      id: this.random.uuid(),
      date: isoDay(Math.min(day, this.context.today)),
      description,
      treated,
    };
    this.headInjuries.push({ item, from: Math.min(from, this.context.today) });
    return item;
  }

  /** A physician's clearance given on `day` (never before the event it clears, never after today). */
  clearance(ruleId: BuiltInRuleId, itemId: Id | null, day: number, givenBy?: string): void {
    const date = Math.min(day, this.context.today);
    const validUntil = this.random.chance(0.3) ? isoDay(date + this.random.int(90, 2 * YEAR)) : null;
    this.clearances.push({
      item: {
        id: this.random.uuid(),
        ruleId,
        itemId,
        givenBy: givenBy ?? clearingPhysician(this.random, this.context.referringPhysician),
        date: isoDay(date),
        validUntil,
        notes: this.random.chance(0.3) ? 'Letter scanned into the client file.' : '',
        // As a clearance typed into the history form: who recorded it was not asked there.
        recordedBy: '',
        recordedAt: null,
      },
      from: date,
    });
  }

  build(): ClientHistory {
    const { clientId, today, intakeDay, dobDay } = this.context;
    const conditions = this.conditions;
    const medications = this.medications;
    const surgeries = this.surgeries;
    const headInjuries = this.headInjuries;
    const clearances = this.clearances;
    const pregnancy = this.pregnancy;

    const lastChange = Math.max(
      intakeDay,
      ...conditions.map((c) => c.from),
      ...medications.map((m) => m.from),
      ...surgeries.map((s) => s.from),
      ...headInjuries.map((h) => h.from),
      ...clearances.map((c) => c.from),
      pregnancy?.from ?? intakeDay,
    );
    const changeDay = Math.min(lastChange, today);
    // Written at intake (just after the client record) or on the day something was reported.
    const updatedAt =
      changeDay === intakeDay
        ? timestampAt(changeDay, this.context.intakeSecond + this.random.int(60, 900))
        : timestampAt(changeDay, this.random.int(9 * 3600, 19 * 3600));

    const history: HealthHistory = {
      clientId,
      conditions: conditions.map((c) => c.item),
      medications: medications.map((m) => m.item),
      pregnancy: pregnancy?.item ?? null,
      surgeries: surgeries.map((s) => s.item),
      headInjuries: headInjuries.map((h) => h.item),
      clearances: clearances.map((c) => c.item),
      // Taken with the client at intake, and gone through again whenever something was reported.
      reviewedAt: isoDay(changeDay),
      updatedAt,
    };

    const nothingRecorded =
      conditions.length === 0 &&
      medications.length === 0 &&
      surgeries.length === 0 &&
      headInjuries.length === 0 &&
      (pregnancy === null || !pregnancy.item.pregnant);
    // The infant rule reads the date of birth, not the history: a child under 2 is always checked.
    const infantUntil = dobDay === null ? Number.NEGATIVE_INFINITY : dobDay + 2 * YEAR + 1;

    const asOf = (day: number): HealthHistory | null => {
      if (nothingRecorded && day > infantUntil) return null;
      return {
        clientId,
        conditions: conditions
          .filter((c) => c.from <= day)
          .map((c) =>
            c.resolvedDay !== null && c.resolvedDay > day
              ? { ...c.item, status: 'current' as const, resolvedDate: null }
              : c.item,
          ),
        medications: medications.filter((m) => m.from <= day).map((m) => m.item),
        pregnancy: pregnancy !== null && pregnancy.from <= day ? pregnancy.item : null,
        surgeries: surgeries.filter((s) => s.from <= day).map((s) => s.item),
        headInjuries: headInjuries.filter((h) => h.from <= day).map((h) => h.item),
        clearances: clearances.filter((c) => c.from <= day).map((c) => c.item),
        reviewedAt: isoDay(Math.min(day, changeDay)),
        updatedAt,
      };
    };
    return { history, asOf, suggestedProfile: this.suggestedProfile };
  }
}

function scenarioTable(context: HistoryContext): Weighted<Scenario> {
  const age = context.age ?? 40;
  const older = age >= 55;
  const lastSession = context.sessionDays[context.sessionDays.length - 1];
  const recentlySeen =
    lastSession !== undefined && context.today - lastSession >= 3 && context.today - lastSession <= 90;
  return new Weighted<Scenario>([
    ['osteoporosis', age >= 60 ? 22 : age >= 45 ? 3 : 0],
    ['anticoagulant', older ? 14 : age >= 30 ? 2 : 0],
    ['dvt', age >= 25 ? 3 : 0],
    ['bleeding-disorder', 2],
    ['skull-fracture', 3],
    ['concussion', 10],
    ['spinal-surgery', age >= 30 ? 5 : 0],
    ['cranial-surgery', 1],
    ['stroke', older ? 6 : age >= 35 ? 1 : 0],
    ['aneurysm', age >= 30 ? 1.5 : 0],
    ['chiari', 1.5],
    ['epilepsy', 4],
    ['brain-tumour', age >= 30 ? 1 : 0],
    // Reported by phone after a recent session, so only clients seen lately can have it.
    ['acute-infection', recentlySeen ? 20 : 0],
    ['lumbar-puncture', 2],
  ]);
}

function addScenario(
  builder: HistoryBuilder,
  random: Random,
  context: HistoryContext,
  scenario: Scenario,
): void {
  const { today, sessionDays } = context;
  const lastSession = sessionDays.length > 0 ? sessionDays[sessionDays.length - 1]! : context.intakeDay;
  switch (scenario) {
    case 'osteoporosis': {
      const onset = random.chance(0.7) ? builder.pastDay(0.5, 8) : null;
      builder.condition(
        {
          catalogId: 'osteoporosis',
          label: random.pick(['Osteoporosis', 'Osteoporosis (spine and hips)', 'Osteopenia']),
          onsetDay: onset,
          severity: random.chance(0.5) ? random.pick(['mild', 'moderate'] as const) : null,
          treated: random.chance(0.6) ? true : null,
          notes: random.chance(0.4) ? 'DEXA scan done; on bone medication.' : '',
        },
        builder.reportDay(),
      );
      if (random.chance(0.5)) builder.medication('Alendronic acid', '70 mg weekly', false, context.intakeDay);
      return;
    }
    case 'anticoagulant': {
      const [name, dose] = random.pick(ANTICOAGULANTS);
      const from = builder.reportDay();
      // Warfarin's box is often left unticked: the known-name list still catches it.
      const medication = builder.medication(
        name,
        dose,
        name === 'Warfarin' ? random.chance(0.5) : true,
        from,
      );
      if (random.chance(0.6)) {
        builder.condition(
          {
            catalogId: null,
            label: random.pick(['Atrial fibrillation', 'Mechanical heart valve']),
            onsetDay: null,
          },
          from,
        );
      }
      if (random.chance(0.6)) builder.clearance('bleeding-disorder', medication.id, from + random.int(0, 21));
      return;
    }
    case 'dvt': {
      const onset = random.chance(0.7) ? builder.pastDay(1, 10) : builder.careDay();
      const condition = builder.condition(
        {
          catalogId: 'deep-vein-thrombosis',
          label: random.pick([
            'DVT left calf',
            'Deep vein thrombosis after a long flight',
            'Pulmonary embolism',
          ]),
          onsetDay: onset,
          resolvedDay: onset + random.int(90, 240),
          treated: true,
        },
        Math.max(onset, context.intakeDay),
      );
      if (random.chance(0.5))
        builder.clearance('bleeding-disorder', condition.id, onset + random.int(14, 60));
      return;
    }
    case 'bleeding-disorder': {
      const severe = random.chance(0.1);
      const condition = builder.condition(
        {
          catalogId: 'bleeding-clotting-disorder',
          label: random.pick(['von Willebrand disease', 'Haemophilia A (mild)', 'Low platelets (ITP)']),
          onsetDay: random.chance(0.5) ? builder.pastDay(5, 30) : null,
          severity: severe ? 'severe' : 'mild',
          treated: true,
        },
        context.intakeDay,
      );
      if (!severe && random.chance(0.7))
        builder.clearance('bleeding-disorder', condition.id, context.intakeDay);
      return;
    }
    case 'skull-fracture': {
      // Half happened during care (notes in the 6-week window record an override), half recently
      // (the client's banner shows the AVOID finding today).
      const recent = random.chance(0.5);
      const onset = recent ? today - random.int(5, 40) : builder.careDay();
      const from = recent ? onset + random.int(1, 4) : onset + random.int(0, 10);
      const cause = random.pick([
        'fall from a ladder',
        'cycling accident',
        'fall on the stairs',
        'hit by a cricket ball',
      ]);
      builder.condition(
        {
          catalogId: 'skull-fracture',
          label: `Skull fracture (${cause})`,
          onsetDay: onset,
          resolvedDay: onset + random.int(42, 90),
          treated: true,
        },
        from,
      );
      builder.headInjury(onset, cause.charAt(0).toUpperCase() + cause.slice(1), true, from);
      builder.suggestedProfile = 'post-concussion';
      return;
    }
    case 'concussion': {
      const during = random.chance(0.3);
      const onset = during ? builder.careDay() : builder.pastDay(0.2, 6);
      const from = during ? onset + random.int(0, 10) : context.intakeDay;
      const treated = random.chance(0.85);
      builder.headInjury(onset, random.pick(HEAD_INJURIES), treated, from);
      if (random.chance(0.5)) {
        builder.condition(
          {
            catalogId: 'concussion-brain-injury',
            label: random.pick(['Concussion', 'Post-concussion syndrome', 'Mild traumatic brain injury']),
            onsetDay: onset,
            resolvedDay: random.chance(0.6) ? onset + random.int(30, 200) : null,
            treated: true,
          },
          from,
        );
      }
      builder.suggestedProfile = 'post-concussion';
      return;
    }
    case 'spinal-surgery':
    case 'cranial-surgery': {
      const cranial = scenario === 'cranial-surgery';
      const during = random.chance(0.3);
      const day = during ? builder.careDay() : random.chance(0.9) ? builder.pastDay(0.5, 15) : null;
      const description = cranial
        ? random.pick(['Burr hole for subdural haematoma', 'Decompression surgery', 'Meningioma resection'])
        : random.pick([
            'L4-L5 microdiscectomy',
            'Cervical fusion C5-C6',
            'Lumbar laminectomy',
            'Scoliosis rods',
          ]);
      builder.surgery(
        day,
        cranial ? 'cranial' : 'spinal',
        description,
        during && day !== null ? day + random.int(0, 14) : context.intakeDay,
      );
      return;
    }
    case 'stroke': {
      const onset = builder.pastDay(0.8, 12);
      const condition = builder.condition(
        {
          catalogId: 'stroke-intracranial-haemorrhage',
          label: random.pick(['Stroke (left hemisphere)', 'Minor stroke', 'Subarachnoid haemorrhage']),
          onsetDay: onset,
          resolvedDay: random.chance(0.5) ? onset + random.int(30, 120) : null,
          treated: true,
        },
        context.intakeDay,
      );
      if (random.chance(0.7)) {
        builder.clearance(
          'intracranial-bleed',
          condition.id,
          Math.max(onset + 190, context.intakeDay - random.int(0, 60)),
        );
      }
      return;
    }
    case 'aneurysm': {
      const onset = builder.pastDay(1, 15);
      const condition = builder.condition(
        {
          catalogId: 'cerebral-aneurysm',
          label: random.pick([
            'Cerebral aneurysm, coiled',
            'Aneurysm clipped',
            'Small cerebral aneurysm (monitored)',
          ]),
          onsetDay: onset,
          treated: true,
        },
        context.intakeDay,
      );
      if (random.chance(0.8))
        builder.clearance('aneurysm', condition.id, Math.max(onset, context.intakeDay - random.int(0, 30)));
      return;
    }
    case 'chiari': {
      const condition = builder.condition(
        {
          catalogId: 'chiari-malformation',
          label: 'Chiari malformation type I',
          onsetDay: null,
          treated: random.chance(0.3),
        },
        context.intakeDay,
      );
      if (random.chance(0.6))
        builder.clearance('chiari', condition.id, context.intakeDay - random.int(0, 30));
      return;
    }
    case 'epilepsy': {
      builder.condition(
        {
          catalogId: 'epilepsy',
          label: random.pick(['Epilepsy', 'Epilepsy, well controlled', 'Seizures in childhood']),
          onsetDay: random.chance(0.5) ? builder.pastDay(2, 30) : null,
          treated: true,
        },
        context.intakeDay,
      );
      if (random.chance(0.7))
        builder.medication('Levetiracetam', '500 mg twice daily', false, context.intakeDay);
      return;
    }
    case 'brain-tumour': {
      const day = builder.pastDay(2, 12);
      builder.condition(
        {
          catalogId: 'brain-tumour',
          label: random.pick(['Meningioma, removed', 'Acoustic neuroma', 'Pituitary tumour (benign)']),
          onsetDay: day,
          resolvedDay: day + random.int(30, 200),
          treated: true,
        },
        context.intakeDay,
      );
      if (random.chance(0.5)) builder.surgery(day + 20, 'cranial', 'Tumour removal', context.intakeDay);
      return;
    }
    case 'acute-infection': {
      // Reported by phone after the last session: the banner shows it; no note was written during it.
      if (today - lastSession < 3 || today - lastSession > 90) return;
      const onset = random.int(lastSession + 1, today);
      builder.condition(
        {
          catalogId: 'fever-acute-infection',
          label: random.pick(['Flu', 'Chest infection', 'COVID-19', 'Fever', 'Kidney infection']),
          onsetDay: onset,
          treated: random.chance(0.5),
        },
        onset,
      );
      return;
    }
    case 'lumbar-puncture': {
      const day = builder.pastDay(1, 10);
      builder.condition(
        {
          catalogId: 'lumbar-puncture',
          label: 'Lumbar puncture',
          onsetDay: day,
          resolvedDay: day + 7,
          treated: true,
        },
        context.intakeDay,
      );
      return;
    }
  }
}

function addPregnancy(builder: HistoryBuilder, random: Random, context: HistoryContext): void {
  const { sex, age, today, sessionDays, intakeDay } = context;
  if (sex !== 'female' || age === null || age < 18 || age > 46) return;
  const lastSession = sessionDays.length > 0 ? sessionDays[sessionDays.length - 1]! : intakeDay;
  const active = today - lastSession <= 120;
  if (active && age >= 21 && age <= 44 && random.chance(0.35)) {
    const due = today + random.int(15, 200);
    const conception = due - 280;
    const from = clampDay(conception + random.int(42, 84), intakeDay, today);
    const highRisk = random.chance(0.12);
    builder.pregnancy = { item: { pregnant: true, dueDate: isoDay(due), highRisk }, from };
    if (highRisk && random.chance(0.5)) {
      builder.clearance(
        'pregnancy',
        null,
        from + random.int(0, 14),
        random.pick(REFERRERS.filter((r) => r.includes('midwife'))),
      );
    }
    builder.suggestedProfile = 'pregnancy-postnatal';
    return;
  }
  if (random.chance(0.3))
    builder.pregnancy = { item: { pregnant: false, dueDate: null, highRisk: false }, from: intakeDay };
}

/** A client's health history, with its dated items. */
export function generateHealthHistory(random: Random, context: HistoryContext): ClientHistory {
  const builder = new HistoryBuilder(random, context);
  const infant = context.age !== null && context.age < 2;
  const child = context.age !== null && context.age < 14;

  if (infant) {
    if (random.chance(0.6)) {
      builder.condition(
        { catalogId: null, label: random.pick(INFANT_CONDITIONS), onsetDay: context.dobDay },
        context.intakeDay,
      );
    }
    if (random.chance(0.15)) builder.surgery(context.dobDay, 'other', 'Ventouse delivery', context.intakeDay);
  } else {
    // Everyday conditions: none for about half the clients, one or two for most of the rest.
    const count = CONDITION_COUNTS.pick(random);
    const labels = random.sample(
      child ? INFANT_CONDITIONS.concat(['Asthma', 'Eczema', 'ADHD']) : COMMON_CONDITIONS,
      count,
    );
    for (const label of labels) {
      const onset = random.chance(0.4) ? builder.pastDay(0.3, 15) : null;
      const past = random.chance(0.2);
      builder.condition(
        {
          catalogId: null,
          label,
          onsetDay: onset,
          resolvedDay: past ? (onset ?? builder.pastDay(0, 2)) + random.int(30, 700) : null,
          severity: random.chance(0.15) ? random.pick(['mild', 'moderate', 'severe'] as const) : null,
          treated: random.chance(0.5) ? random.chance(0.8) : null,
        },
        builder.reportDay(),
      );
    }
    if (child && random.chance(0.1)) {
      builder.condition(
        {
          catalogId: null,
          label: 'Recurrent ear infections',
          onsetDay: builder.pastDay(1, 3),
          resolvedDay: context.intakeDay - 30,
        },
        context.intakeDay,
      );
    }
    const medicationCount = random.chance(0.2) ? random.int(1, 3) : 0;
    for (const [name, dose] of random.sample(COMMON_MEDICATIONS, medicationCount)) {
      builder.medication(name, dose, false, builder.reportDay());
    }
    if (random.chance(0.08)) {
      builder.surgery(
        random.chance(0.8) ? builder.pastDay(1, 30) : null,
        'other',
        random.pick(OTHER_SURGERIES),
        context.intakeDay,
      );
    }
    addPregnancy(builder, random, context);
  }

  // Something from the contraindication table for about one client in eight (one in twenty
  // children): these are the histories that make safety findings appear.
  if (random.chance(child ? 0.05 : 0.13)) {
    addScenario(builder, random, context, scenarioTable(context).pick(random));
    if (random.chance(0.08)) addScenario(builder, random, context, scenarioTable(context).pick(random));
  }
  return builder.build();
}
