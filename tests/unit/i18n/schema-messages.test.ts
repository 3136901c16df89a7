import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGES, emptyClientInput, makeClientInputSchema } from '../../../src-shared/domain/client';
import {
  HEALTH_HISTORY_MESSAGES,
  makeClearanceInputSchema,
  makeConditionInputSchema,
  makeHealthHistoryInputSchema,
} from '../../../src-shared/domain/health-history';
import { fieldMessage, fieldMessageKey, SCHEMA_MESSAGES } from '../../../src-shared/i18n/field-messages';
import { LANGUAGES } from '../../../src-shared/i18n/languages';
import { translatorFor } from '../../../src-shared/i18n/translator';
import { ConsentTextSchema, INTAKE_MESSAGES, SignedConsentSchema } from '../../../src-shared/intake/records';
import { INTAKE_SETTINGS_MESSAGES, IntakeSettingsSchema } from '../../../src-shared/intake/settings';
import { fieldErrors } from '../../../src-shared/validation';

const de = translatorFor('de');
const en = translatorFor('en');

/** Every message of every table, a function called with sample values. */
const TABLE_MESSAGES: [string, string][] = Object.entries(SCHEMA_MESSAGES).flatMap(([family, table]) =>
  Object.entries(table as Record<string, string | ((...values: string[]) => string)>).map(
    ([name, written]): [string, string] => [
      `${family}.${name}`,
      typeof written === 'function' ? written('x1', 'x2', 'x3') : written,
    ],
  ),
);

describe('the schemas’ own messages beside the fields', () => {
  it.each(TABLE_MESSAGES)('%s has a key, reads the same in English and is translated', (_name, message) => {
    expect(fieldMessageKey(message), message).not.toBeNull();
    expect(fieldMessage(en, message)).toBe(message);
    for (const language of LANGUAGES.filter((l) => l !== 'en'))
      expect(fieldMessage(translatorFor(language), message), `${language}: ${message}`).not.toBe(message);
  });

  it('a German client form says what is missing in German, with the limit as a number', () => {
    const schema = makeClientInputSchema('2026-12-07');
    const errors = fieldErrors(
      schema.safeParse({ ...emptyClientInput(), preferredName: 'x'.repeat(101) }).error!,
    );
    expect(fieldMessage(de, errors.firstName!)).toBe('Geben Sie einen Vornamen ein');
    expect(fieldMessage(de, errors.lastName!)).toBe('Geben Sie einen Nachnamen ein');
    expect(fieldMessage(de, errors.preferredName!)).toBe('Der Rufname darf höchstens 100 Zeichen lang sein');
    expect(errors.preferredName).toBe(CLIENT_MESSAGES.preferredNameTooLong);
  });

  it('a German health history says what is wrong in German', () => {
    const condition = makeConditionInputSchema('2026-12-07').safeParse({
      id: 'c1',
      catalogId: null,
      label: '',
      status: 'current',
      onsetDate: null,
      resolvedDate: null,
      severity: 'very',
      treated: null,
      notes: '',
    });
    const errors = fieldErrors(condition.error!);
    expect(fieldMessage(de, errors.label!)).toBe('Geben Sie die Erkrankung ein');
    expect(fieldMessage(de, errors.severity!)).toBe('Wählen Sie einen Schweregrad');
    // The date rule runs once the fields themselves are valid.
    const future = makeConditionInputSchema('2026-12-07').safeParse({
      id: 'c1',
      catalogId: null,
      label: 'Migraine',
      status: 'current',
      onsetDate: '2030-01-01',
      resolvedDate: null,
      severity: null,
      treated: null,
      notes: '',
    });
    expect(fieldMessage(de, fieldErrors(future.error!).onsetDate!)).toBe(
      'Der Beginn kann nicht in der Zukunft liegen',
    );
    const clearance = makeClearanceInputSchema('2026-12-07').safeParse({
      id: 'k1',
      ruleId: 'aneurysm',
      givenBy: 'Dr Weber',
      date: '',
      notes: '',
    });
    expect(fieldMessage(de, fieldErrors(clearance.error!).date!)).toBe(
      'Geben Sie das Datum der Freigabe ein',
    );
    const history = makeHealthHistoryInputSchema('2026-12-07').safeParse({
      conditions: [],
      medications: Array.from({ length: 501 }, (_, i) => ({
        id: `m${i}`,
        name: 'x',
        dose: '',
        anticoagulant: false,
      })),
      pregnancy: null,
      surgeries: [],
      headInjuries: [],
      clearances: [],
    });
    expect(fieldErrors(history.error!).medications).toBe(HEALTH_HISTORY_MESSAGES.tooManyItems);
    expect(fieldMessage(de, fieldErrors(history.error!).medications!)).toBe(
      'Jede Liste darf höchstens 500 Einträge haben',
    );
  });

  it('German intake settings and a German consent say what is wrong in German', () => {
    const settings = IntakeSettingsSchema.safeParse({
      updateAfterMonths: 200,
      idleMinutes: 3,
      customQuestions: [],
    });
    expect(fieldErrors(settings.error!).updateAfterMonths).toBe(INTAKE_SETTINGS_MESSAGES.atMostMonths);
    expect(fieldMessage(de, fieldErrors(settings.error!).updateAfterMonths!)).toBe('Höchstens 120 Monate');
    const text = ConsentTextSchema.safeParse('Too short');
    expect(fieldMessage(de, text.error!.issues[0]!.message)).toBe(
      'Schreiben Sie den Einwilligungstext (mindestens einen Satz)',
    );
    const signed = SignedConsentSchema.safeParse({ typedName: '   ', signerRole: 'aunt' });
    const errors = fieldErrors(signed.error!);
    expect(errors.typedName).toBe(INTAKE_MESSAGES.typedName);
    expect(fieldMessage(de, errors.typedName!)).toBe('Geben Sie Ihren vollständigen Namen ein');
    expect(fieldMessage(translatorFor('es'), errors.signerRole!)).toBe('Indique quién firma');
  });
});

describe('outcomes, file names and the channels’ size checks say what is wrong in German', () => {
  it('the follow-up: its day count and notes, the number written the German way', async () => {
    const { FollowUpSettingsSchema, FollowUpInputSchema } = await import(
      '../../../src-shared/outcomes/schemas'
    );
    const { outcomeMessage } = await import('../../../src-shared/outcomes/words');
    const days = FollowUpSettingsSchema.safeParse({ days: 45 }).error!.issues[0]!.message;
    expect(fieldMessage(de, days)).toBe('Geben Sie eine Anzahl Tage von 1 bis 30 ein');
    const whole = FollowUpSettingsSchema.safeParse({ days: 2.5 }).error!.issues[0]!.message;
    expect(fieldMessage(translatorFor('nl'), whole)).toBe('Vul een heel aantal dagen van 1 tot 30 in');
    const notes = fieldErrors(
      FollowUpInputSchema.safeParse({
        date: '2026-12-07',
        contact: 'call',
        outcome: 'no-reactions',
        notes: 'x'.repeat(2_001),
      }).error!,
    ).notes!;
    expect(notes).toBe('Keep the notes under 2,000 characters');
    // The follow-up card translates through outcomeMessage, which hands these to fieldMessage.
    expect(outcomeMessage(de, notes)).toBe('Halten Sie die Notizen unter 2.000 Zeichen');
  });

  it('the progress report: an unsigned report and a period that ends before it starts', async () => {
    const { ProgressReportSchema } = await import('../../../src-shared/outcomes/report');
    const parsed = ProgressReportSchema.safeParse({
      signedBy: '  ',
      period: { from: '2026-12-01', to: '2026-11-01' },
    });
    const errors = fieldErrors(parsed.error!);
    expect(fieldMessage(de, errors.signedBy!)).toBe(
      'Geben Sie Ihren Namen ein: Der Bericht wird unterschrieben',
    );
  });

  it('a practice server address, beside the field', async () => {
    const { readServerAddress } = await import('../../../src-shared/sync/server-address');
    const refused = readServerAddress('https://praxis:geheim@nas.local:6984/stillpoint');
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(fieldMessage(de, refused.message)).toBe(
        'Lassen Sie Benutzername und Passwort aus der Adresse weg: Dafür gibt es unten eigene Felder.',
      );
  });

  it('a file name that cannot be kept, and a document over the channel’s limit', async () => {
    const { OriginalNameSchema } = await import('../../../src-shared/documents/attachment');
    const { SafeFileNameSchema } = await import('../../../src-shared/domain/files');
    const { channels } = await import('../../../src-shared/ipc');
    const long = OriginalNameSchema.safeParse(`${'a'.repeat(256)}.pdf`).error!.issues[0]!.message;
    expect(fieldMessage(de, long)).toBe('Der Dateiname ist länger als 255 Zeichen');
    const saved = SafeFileNameSchema.safeParse('..').error!.issues[0]!.message;
    expect(fieldMessage(translatorFor('fr'), saved)).toBe('Ce nom de fichier n’est pas autorisé');
    const dropped = channels.documentsPrepareDropped.request.safeParse({
      fileName: 'scan.pdf',
      bytes: new Uint8Array(50 * 1024 * 1024 + 1),
    });
    expect(fieldMessage(translatorFor('fr'), dropped.error!.issues[0]!.message)).toBe(
      'Le fichier dépasse 50 Mo',
    );
  });
});

/**
 * The files whose schemas' messages are shown beside form fields. Each keeps its messages in an
 * exported `..._MESSAGES` table, which the test above walks: a sentence written anywhere else in
 * the file is a message without a catalogue key, and fails here.
 */
const SCHEMA_FILES = [
  'src-shared/domain/client.ts',
  'src-shared/domain/health-history.ts',
  'src-shared/intake/records.ts',
  'src-shared/intake/settings.ts',
  'src-shared/safety/custom-rules.ts',
  'src-shared/domain/aftercare.ts',
  'src-shared/domain/backup-settings.ts',
  'src-shared/outcomes/report.ts',
  'src-shared/outcomes/schemas.ts',
  'src-shared/domain/files.ts',
  'src-shared/documents/attachment.ts',
  'src-shared/ipc.ts',
  'src-shared/sync/server-address.ts',
];

/** Sentences in those files that are not messages beside a field (names, labels shown elsewhere, file names). */
const NOT_FIELD_MESSAGES = new Set([
  'Unnamed client',
  'The client',
  'A parent',
  'A guardian',
  'Stillpoint auto-backup ',
  'Stillpoint backup ',
  // The English label tables of stored ids (FOLLOW_UP_CONTACT_LABELS, MEDIA_TYPE_LABELS,
  // ATTACHMENT_KIND_LABELS): exports and audit details; the screens name them by key (words.ts).
  'Phone call',
  'In person',
  'JPEG photo',
  'PNG image',
  'WebP image',
  'Clearance letter',
]);

/** Sentence-like literals (a capital, then a space) outside the files' message tables. */
function sentencesOutsideTables(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(path.resolve(file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text.endsWith('_MESSAGES'))
      return;
    if (ts.isImportDeclaration(node)) return;
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = node.head.text + node.templateSpans.map((s) => `…${s.literal.text}`).join('');
    if (text !== null && /^\p{Lu}\p{L}*'?\p{L}* /u.test(text) && !NOT_FIELD_MESSAGES.has(text))
      found.push(text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('every message a schema writes is in its table', () => {
  it.each(SCHEMA_FILES)('%s writes no sentence outside its _MESSAGES table', (file) => {
    expect(sentencesOutsideTables(file)).toEqual([]);
  });

  it('the check finds a message written straight into a schema', () => {
    const file = 'tests/unit/i18n/fixtures/untabled-message.ts.txt';
    expect(sentencesOutsideTables(file)).toEqual(['Enter the middle name']);
  });
});

describe("zod's own default messages", () => {
  it('follow the language set for the schemas, and go back to English', async () => {
    const { z } = await import('zod');
    const { setSchemaLanguage } = await import('../../../src-shared/i18n/schema-language');
    const schema = z.object({ rounds: z.number(), label: z.string().max(3) });
    const messages = () =>
      Object.values(fieldErrors(schema.safeParse({ rounds: 'three', label: 'long label' }).error!));
    const english = messages();
    try {
      setSchemaLanguage('de');
      const german = messages();
      expect(german).toHaveLength(2);
      for (const [i, message] of german.entries()) expect(message).not.toBe(english[i]);
      expect(german.join(' ')).toContain('Ungültige Eingabe');
      setSchemaLanguage('nl');
      expect(messages().join(' ')).toContain('Ongeldige invoer');
    } finally {
      setSchemaLanguage('en');
    }
    expect(messages()).toEqual(english);
  });
});

describe('a stored date and time', () => {
  it('says what it wants in German', async () => {
    const { TimestampSchema } = await import('../../../src-shared/domain/dates');
    const message = TimestampSchema.safeParse('yesterday').error!.issues[0]!.message;
    expect(fieldMessage(en, message)).toBe(message);
    expect(fieldMessage(de, message)).toBe('Geben Sie Datum und Uhrzeit ein');
  });
});

describe('a ValidationError line', () => {
  it('keeps the field path and translates the message', async () => {
    const { issueLine } = await import('../../../src-shared/i18n/field-messages');
    const { SESSION_NOTE_MESSAGES } = await import('../../../src-shared/domain/session-note-schema');
    expect(issueLine(de, `signedBy: ${SESSION_NOTE_MESSAGES.signedBy}`)).toBe(
      'signedBy: Geben Sie ein, wer die Notiz unterschreibt',
    );
    expect(issueLine(en, `signedBy: ${SESSION_NOTE_MESSAGES.signedBy}`)).toBe(
      `signedBy: ${SESSION_NOTE_MESSAGES.signedBy}`,
    );
    expect(issueLine(de, 'status: Something else')).toBe('status: Something else');
  });
});
