import type { AuditEntry } from '../domain/audit';
import { buildClientRecord, type Client, type ClientInput } from '../domain/client';
import { type IsoDate, isRealCalendarDate } from '../domain/dates';
import type { HealthHistory } from '../domain/health-history';
import type { Id } from '../domain/ids';
import type { AfterEffectReport, SessionNote } from '../domain/session-note';
import { foldForSearch } from '../domain/text-search';
import { type CaseProfile, PROFILE_CHILD, PROFILE_INFANT, PROFILE_TABLE_ADULT, PROFILES } from './clinical';
import { generateHealthHistory } from './health';
import { generatePerson, REFERRERS, type Sex, THERAPISTS } from './people';
import { Random, Weighted } from './random';
import { generateSessions } from './sessions';
import { isoDay, timestampAt, toDay, weekday } from './time';

/**
 * The synthetic practice: a seeded, deterministic generator of clients, health histories,
 * session notes, after-effect reports and audit entries, for tests, benchmarks and demo data.
 *
 * - Deterministic: the same options give the same records, byte for byte (no clock, no
 *   Math.random, no crypto; ids are UUID v4 strings drawn from the seeded stream).
 * - Streaming: `generatePracticeBatches` yields a few hundred clients at a time with all their
 *   records, so 10,000 clients and 200,000 notes never need to be in memory at once. Each client
 *   is generated from its own stream (seed, client index), so a client's records are the same
 *   whatever the batch size.
 * - Valid: every record passes its stored-record schema (ClientSchema, HealthHistorySchema,
 *   SessionNoteSchema / StoredSessionNoteSchema, AfterEffectReportSchema, AuditEntrySchema).
 *   Client rows are plain `Client` records: the clients repository adds its index fields
 *   (`sortKey`, `searchTokens`) when it writes them.
 */

export const DEMO_TODAY: IsoDate = '2026-11-26';

export interface PracticeOptions {
  seed: number;
  /** Number of clients. */
  clients: number;
  /** Mean number of session notes per client (default 20), busy clients included. */
  sessionsPerClient?: number;
  /** The last day of the practice's records (default 2026-11-26). No record is dated later. */
  today?: IsoDate;
  /** How far back the records go (default 12 years). */
  yearsOfHistory?: number;
  /**
   * Clients with a long history of weekly sessions (`busyClientSessions` each). Default: one per
   * 1,000 clients, at least one when there are 10 or more clients.
   */
  busyClients?: number;
  /** Sessions of each busy client (default 200). */
  busyClientSessions?: number;
}

/** One batch of records, keyed by the Dexie table names. */
export interface PracticeBatch {
  clients: Client[];
  healthHistories: HealthHistory[];
  sessions: SessionNote[];
  afterEffects: AfterEffectReport[];
  auditLog: AuditEntry[];
}

export const PRACTICE_TABLES = [
  'clients',
  'healthHistories',
  'sessions',
  'afterEffects',
  'auditLog',
] as const;

export interface PracticeInfo {
  today: IsoDate;
  /** First day a session can fall on. */
  startDate: IsoDate;
  therapists: readonly string[];
  /** Indexes and ids of the busy clients, in client order. */
  busyClientIndexes: readonly number[];
  busyClientIds: readonly Id[];
  /** The first busy client (null when there is none): a benchmark opens this one. */
  busyClientId: Id | null;
  /** Expected number of session notes (the actual count varies around it). */
  expectedSessions: number;
}

const YEAR = 365;
/** Stream salts: one stream per client, one for practice-wide choices. */
const CLIENT_STREAM = 0xc11e47;
const PRACTICE_STREAM = 0x9a7c71ce;

interface Resolved {
  seed: number;
  clients: number;
  today: number;
  start: number;
  busy: Set<number>;
  busyIndexes: number[];
  busySessions: number;
  regularMean: number;
  expectedSessions: number;
  therapists: string[];
}

function resolve(options: PracticeOptions): Resolved {
  const clients = options.clients;
  if (!Number.isInteger(clients) || clients < 0)
    throw new RangeError('clients must be a whole number, 0 or more');
  const mean = options.sessionsPerClient ?? 20;
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError('sessionsPerClient must be 0 or more');
  const todayDate = options.today ?? DEMO_TODAY;
  if (!isRealCalendarDate(todayDate))
    throw new RangeError(`today must be a YYYY-MM-DD date, got ${todayDate}`);
  const years = options.yearsOfHistory ?? 12;
  if (!(years > 0) || !Number.isFinite(years)) throw new RangeError('yearsOfHistory must be more than 0');
  const busySessions = options.busyClientSessions ?? 200;
  if (!Number.isInteger(busySessions) || busySessions < 1)
    throw new RangeError('busyClientSessions must be 1 or more');
  const busyCount = Math.min(
    clients,
    options.busyClients ?? (clients >= 10 ? Math.max(1, Math.round(clients / 1000)) : 0),
  );
  if (!Number.isInteger(busyCount) || busyCount < 0)
    throw new RangeError('busyClients must be a whole number');

  // Busy clients spread evenly through the list, so any run of batches meets some.
  const busyIndexes = Array.from({ length: busyCount }, (_, k) =>
    Math.floor(((k + 0.5) * clients) / busyCount),
  );
  const regular = clients - busyCount;
  const regularMean = regular > 0 ? Math.max(0, (clients * mean - busyCount * busySessions) / regular) : 0;

  const today = toDay(todayDate);
  const practice = new Random(options.seed, PRACTICE_STREAM);
  const therapists = practice.sample(THERAPISTS, practice.int(1, 3));
  return {
    seed: options.seed,
    clients,
    today,
    start: today - Math.round(years * YEAR),
    busy: new Set(busyIndexes),
    busyIndexes,
    busySessions,
    regularMean,
    expectedSessions: Math.round(busyCount * busySessions + regular * regularMean),
    therapists,
  };
}

function clientRandom(resolved: Resolved, index: number): Random {
  return new Random(resolved.seed, index, CLIENT_STREAM);
}

/** Facts about the practice a benchmark needs before (or without) generating it. */
export function practiceInfo(options: PracticeOptions): PracticeInfo {
  const resolved = resolve(options);
  // A client's id is the first draw of its stream.
  const busyClientIds = resolved.busyIndexes.map((index) => clientRandom(resolved, index).uuid());
  return {
    today: isoDay(resolved.today),
    startDate: isoDay(resolved.start),
    therapists: resolved.therapists,
    busyClientIndexes: resolved.busyIndexes,
    busyClientIds,
    busyClientId: busyClientIds[0] ?? null,
    expectedSessions: resolved.expectedSessions,
  };
}

// ---------------------------------------------------------------------------------------------
// Timeline

const WITHIN_RUN_GAP = new Weighted([
  [7, 65],
  [14, 20],
  [6, 4],
  [8, 4],
  [4, 3],
  [21, 4],
] as const);
type Range = readonly [number, number];

const RUN_LENGTH = new Weighted<Range>([
  [[1, 1], 10],
  [[2, 3], 20],
  [[4, 8], 45],
  [[9, 14], 20],
  [[15, 25], 5],
] as const);
const BETWEEN_RUNS = new Weighted<Range>([
  [[21, 60], 25],
  [[61, 180], 40],
  [[181, 400], 25],
  [[401, 900], 10],
] as const);

function within(random: Random, [min, max]: Range): number {
  return random.int(min, max);
}

/** Session days: runs of weekly sessions with breaks between, within [earliest, today]. */
function sessionDays(
  random: Random,
  count: number,
  earliest: number,
  today: number,
  busy: boolean,
): number[] {
  if (count === 0) return [];
  const gaps: number[] = [];
  let inRun = 0;
  let runLength = busy ? random.int(10, 40) : within(random, RUN_LENGTH.pick(random));
  for (let k = 1; k < count; k += 1) {
    if (inRun < runLength - 1) {
      gaps.push(busy && random.chance(0.8) ? 7 : WITHIN_RUN_GAP.pick(random));
      inRun += 1;
    } else {
      gaps.push(busy ? random.int(14, 60) : within(random, BETWEEN_RUNS.pick(random)));
      inRun = 0;
      runLength = busy ? random.int(10, 40) : within(random, RUN_LENGTH.pick(random));
    }
  }
  const window = Math.max(0, today - earliest);
  let span = gaps.reduce((sum, gap) => sum + gap, 0);
  if (span > window) {
    const scale = window / span;
    for (let k = 0; k < gaps.length; k += 1) gaps[k] = Math.floor(gaps[k]! * scale);
    span = gaps.reduce((sum, gap) => sum + gap, 0);
  }
  const room = window - span;
  // Busy clients are still coming; other clients are spread with more of them recent (the
  // practice grew over the years).
  const start = busy
    ? today - span - Math.min(room, random.int(0, 20))
    : earliest + Math.floor(room * random.next() ** 0.7);
  const days: number[] = [];
  let day = start;
  for (let k = 0; k < count; k += 1) {
    if (k > 0) day += gaps[k - 1]!;
    // No sessions on Sundays: Saturday instead, never before the previous session.
    const shifted = weekday(day) === 0 ? day - 1 : day;
    days.push(Math.max(days[k - 1] ?? shifted, shifted));
  }
  return days;
}

// ---------------------------------------------------------------------------------------------
// Clients

const REFERRAL_SOURCES = new Weighted([
  ['Friend', 20],
  ['Google', 14],
  ['GP', 8],
  ['Midwife', 4],
  ['Osteopath', 5],
  ['Instagram', 4],
  ['Another client', 10],
  ['Dentist', 3],
  ['Yoga studio', 3],
  ['Local newsletter', 2],
  ['', 27],
] as const);

const CLIENT_NOTES = [
  'Prefers a female therapist.',
  'Hard of hearing in the left ear: speak up and face the client.',
  'Parking: use the back entrance.',
  'Pays by invoice (insurer details in the file).',
  'Likes a blanket and no music.',
  'Needs help getting on and off the table.',
  'Sensitive to scents: no oils or candles.',
  'Brings their own pillow.',
  'Prefers appointments before work.',
];

const TAGS = [
  'sliding scale',
  'prefers mornings',
  'wheelchair access',
  'interpreter needed',
  'insurance',
  'gift voucher',
  'newsletter',
  'student',
  'VIP',
];

const PROFILE_TAGS: Record<string, string> = {
  headache: 'migraine',
  neck: 'whiplash',
  'low-back': 'back pain',
  jaw: 'TMJ',
  'stress-sleep': 'sleep',
  'dizziness-ears': 'tinnitus',
  'post-concussion': 'post-concussion',
  'whole-body': 'chronic pain',
  infant: 'infant',
  child: 'child',
  'pregnancy-postnatal': 'pregnancy',
};

const PROFILES_BY_ID = new Map(PROFILES.map(([profile]) => [profile.id, profile]));

type AgeGroup = 'infant' | 'child' | 'adult';

/** Everything one client brings: the client row and its children in every table. */
export interface ClientRecords {
  client: Client;
  healthHistory: HealthHistory;
  sessions: SessionNote[];
  afterEffects: AfterEffectReport[];
  auditLog: AuditEntry[];
}

function generateClient(resolved: Resolved, index: number): ClientRecords {
  const random = clientRandom(resolved, index);
  const id = random.uuid(); // first draw: practiceInfo relies on it
  const { today, start } = resolved;
  const busy = resolved.busy.has(index);

  // Who: most clients of a craniosacral practice are adult women; a few babies and children.
  const sex: Sex = random.chance(0.72) ? 'female' : 'male';
  const group: AgeGroup = busy
    ? 'adult'
    : random.chance(0.012)
      ? 'infant'
      : random.chance(0.05)
        ? 'child'
        : 'adult';
  let dobDay: number | null;
  if (group === 'infant') dobDay = today - random.int(20, 700);
  else if (group === 'child') dobDay = today - random.int(2 * YEAR + 1, 13 * YEAR);
  else {
    const age = random.normalInt(busy ? 50 : 47, 16, 18, 86);
    dobDay = today - age * YEAR - random.int(0, YEAR - 1);
  }
  const knownDob = group !== 'adult' || random.chance(0.97) ? dobDay : null;
  const age = knownDob === null ? null : Math.floor((today - knownDob) / 365.2425);
  const birthYear = knownDob === null ? null : Number(isoDay(knownDob).slice(0, 4));
  const person = generatePerson(random, sex, birthYear, group !== 'adult');

  // When: how many sessions, and on which days.
  const earliest =
    group === 'infant'
      ? dobDay + 10
      : group === 'child'
        ? Math.max(start, today - 2 * YEAR, dobDay + YEAR)
        : Math.max(start, dobDay + 16 * YEAR);
  const window = Math.max(0, today - earliest);
  let count: number;
  if (busy) count = resolved.busySessions;
  else {
    count = random.poisson(random.gammaInt(2, resolved.regularMean / 2));
    const fits = group === 'adult' ? Math.floor(window / 4) + 1 : Math.floor(window / 7) + 1;
    count = Math.min(count, fits, Math.max(1, resolved.busySessions - 1));
  }
  const days = sessionDays(random, count, earliest, today, busy);
  const firstDay = days[0];
  const lastDay = days[days.length - 1];

  // Intake: before the first session (usually a few days before), or lately for a client
  // who has not come yet.
  const intakeDay =
    firstDay === undefined
      ? today - random.int(0, 60)
      : Math.max(firstDay - (random.chance(0.8) ? random.int(1, 14) : 0), Math.min(firstDay, earliest));
  const intakeSecond =
    intakeDay === firstDay ? random.int(7 * 3600, 7 * 3600 + 1800) : random.int(9 * 3600, 19 * 3600);
  const createdAt = timestampAt(intakeDay, intakeSecond);

  const referringPhysician = random.chance(group === 'adult' ? 0.2 : 0.5) ? random.pick(REFERRERS) : '';
  const history = generateHealthHistory(random, {
    clientId: id,
    sex,
    age,
    dobDay: knownDob,
    intakeDay,
    intakeSecond,
    sessionDays: days,
    today,
    referringPhysician,
  });

  let profile: CaseProfile;
  if (group === 'infant') profile = PROFILE_INFANT;
  else if (group === 'child') profile = PROFILE_CHILD;
  else {
    const suggested =
      history.suggestedProfile === null ? undefined : PROFILES_BY_ID.get(history.suggestedProfile);
    profile = suggested !== undefined && random.chance(0.7) ? suggested : PROFILE_TABLE_ADULT.pick(random);
    if (sex === 'male' && profile.id === 'pregnancy-postnatal') profile = PROFILES_BY_ID.get('neck')!;
  }

  const recent = lastDay !== undefined && today - lastDay <= 14;
  let drafts = 0;
  if (days.length > 0) {
    if (recent ? random.chance(0.5) : random.chance(0.01)) drafts = 1;
    if (drafts === 1 && days.length > 1 && today - days[days.length - 2]! <= 14 && random.chance(0.2))
      drafts = 2;
  }
  const therapists = resolved.therapists;
  const therapist = therapists.length === 1 || random.chance(0.75) ? therapists[0]! : random.pick(therapists);
  const generated = generateSessions(
    random,
    {
      clientId: id,
      days,
      today,
      dobDay: knownDob,
      history,
      profile,
      therapist,
      drafts,
      usualSlot: 8 * 3600 + random.int(0, 42) * 900,
    },
    referringPhysician,
  );

  // The client record.
  const consentGiven = days.length > 0 || random.chance(0.5);
  const tags = new Map<string, string>();
  if (random.chance(0.35))
    tags.set(foldForSearch(PROFILE_TAGS[profile.id] ?? profile.id), PROFILE_TAGS[profile.id] ?? profile.id);
  for (const tag of random.sample(TAGS, random.chance(0.25) ? random.int(1, 3) : 0))
    tags.set(foldForSearch(tag), tag);
  const input: ClientInput = {
    firstName: person.firstName,
    lastName: person.lastName,
    preferredName: person.preferredName,
    dateOfBirth: knownDob === null ? null : isoDay(knownDob),
    phone: person.phone,
    email: person.email,
    address: person.address,
    emergencyContact: person.emergencyContact,
    referringPhysician,
    referralSource: REFERRAL_SOURCES.pick(random),
    consent: consentGiven
      ? { given: true, date: isoDay(intakeDay), textVersion: `${isoDay(intakeDay).slice(0, 4)}-01` }
      : { given: false, date: null, textVersion: '' },
    notes: random.chance(0.12) ? random.pick(CLIENT_NOTES) : '',
    tags: [...tags.values()],
    archived: lastDay !== undefined && today - lastDay > 4 * YEAR && random.chance(0.25),
  };
  const record = buildClientRecord(input, { now: createdAt, id });

  // Last edited: at intake, or later (new phone number, archived, ...), never after today.
  let updatedAt = createdAt;
  if (input.archived && lastDay !== undefined) {
    updatedAt = timestampAt(random.int(lastDay + 4 * YEAR, today), random.int(9 * 3600, 19 * 3600));
  } else if (lastDay !== undefined && lastDay > intakeDay && random.chance(0.5)) {
    updatedAt = timestampAt(random.int(intakeDay + 1, lastDay), random.int(9 * 3600, 19 * 3600));
  }
  const client: Client = {
    ...record,
    updatedAt,
    lastVisitAt: lastDay === undefined ? null : isoDay(lastDay),
  };
  return { client, healthHistory: history.history, ...generated };
}

/** One client's records, by position in the practice (0-based). */
export function generatePracticeClient(options: PracticeOptions, index: number): ClientRecords {
  const resolved = resolve(options);
  if (!Number.isInteger(index) || index < 0 || index >= resolved.clients) {
    throw new RangeError(`index must be 0 to ${resolved.clients - 1}`);
  }
  return generateClient(resolved, index);
}

function emptyBatch(): PracticeBatch {
  return { clients: [], healthHistories: [], sessions: [], afterEffects: [], auditLog: [] };
}

/**
 * The practice in batches of `batchSize` clients, each with all their records. Batches together
 * hold every record exactly once; a batch never splits a client.
 */
export function* generatePracticeBatches(
  options: PracticeOptions,
  batchSize = 500,
): Generator<PracticeBatch> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be 1 or more');
  const resolved = resolve(options);
  let batch = emptyBatch();
  for (let index = 0; index < resolved.clients; index += 1) {
    const records = generateClient(resolved, index);
    batch.clients.push(records.client);
    batch.healthHistories.push(records.healthHistory);
    for (const note of records.sessions) batch.sessions.push(note);
    for (const report of records.afterEffects) batch.afterEffects.push(report);
    for (const entry of records.auditLog) batch.auditLog.push(entry);
    if (batch.clients.length === batchSize) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.clients.length > 0) yield batch;
}

/** The whole practice in one batch: for tests and small demo databases. */
export function generatePracticeAll(options: PracticeOptions): PracticeBatch {
  const all = emptyBatch();
  for (const batch of generatePracticeBatches(options)) {
    for (const table of PRACTICE_TABLES) {
      const target = all[table] as unknown[];
      for (const record of batch[table]) target.push(record);
    }
  }
  return all;
}
