import { describe, expect, it } from 'vitest';
import {
  buildClientRecord,
  type Client,
  type ClientInput,
  ClientSchema,
  clientDisplayName,
  clientInputOf,
  clientSortName,
  compareClientsByName,
  emptyClientInput,
  makeClientInputSchema,
} from '../../../src-shared/domain/client';
import { fieldErrors, parseWith, ValidationError } from '../../../src-shared/validation';

const TODAY = '2026-11-26';
const schema = makeClientInputSchema(TODAY);

function input(overrides: Partial<ClientInput> = {}): ClientInput {
  return { ...emptyClientInput(), firstName: 'Zoë', lastName: 'Ødegård', ...overrides };
}

function errorsFor(value: unknown): Record<string, string> {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe('client form schema', () => {
  it('accepts a minimal client and trims text', () => {
    const parsed = schema.parse(
      input({ firstName: '  Zoë ', email: ' zoe@example.no ', phone: ' +47 22 33 44 55 ' }),
    );
    expect(parsed).toMatchObject({ firstName: 'Zoë', email: 'zoe@example.no', phone: '+47 22 33 44 55' });
  });

  it('asks for a first and a last name', () => {
    expect(errorsFor(input({ firstName: '   ', lastName: '' }))).toEqual({
      firstName: 'Enter a first name',
      lastName: 'Enter a last name',
    });
    expect(errorsFor(input({ firstName: 'x'.repeat(101) }))).toEqual({
      firstName: 'Keep the first name under 100 characters',
    });
  });

  it.each(['zoe', 'zoe@', '@example.com', 'zoe@example', 'zoe @example.com', 'zoe@example.c', 'a@b@c.com'])(
    'refuses the email %j',
    (email) => {
      expect(errorsFor(input({ email }))).toEqual({ email: 'Enter an email address like name@example.com' });
    },
  );

  it.each(['', 'zoe@example.com', 'zoe.o+cst@mail.example.co.uk'])('accepts the email %j', (email) => {
    expect(errorsFor(input({ email }))).toEqual({});
  });

  it('refuses a phone number without digits', () => {
    expect(errorsFor(input({ phone: 'call me' }))).toEqual({
      phone: 'Enter a phone number using digits (spaces, +, - and brackets are fine)',
    });
    expect(errorsFor(input({ phone: '(020) 7946-0958 ext 12' }))).toEqual({});
  });

  it('refuses a date of birth in the future, accepts today', () => {
    expect(errorsFor(input({ dateOfBirth: '2026-11-27' }))).toEqual({
      dateOfBirth: 'Date of birth cannot be in the future',
    });
    expect(errorsFor(input({ dateOfBirth: TODAY }))).toEqual({});
  });

  it('refuses an impossible date', () => {
    expect(errorsFor(input({ dateOfBirth: '2026-02-30' }))).toEqual({
      dateOfBirth: 'Enter a real date (day, month and year)',
    });
    expect(errorsFor(input({ dateOfBirth: '30/01/1980' }))).toEqual({
      dateOfBirth: 'Enter a real date (day, month and year)',
    });
  });

  it('an empty date from the form becomes null', () => {
    expect(schema.parse({ ...input(), dateOfBirth: '' }).dateOfBirth).toBeNull();
    expect(
      schema.parse({ ...input(), consent: { given: false, date: '', textVersion: '' } }).consent.date,
    ).toBeNull();
  });

  it('asks for the date consent was given, and not in the future', () => {
    expect(errorsFor(input({ consent: { given: true, date: null, textVersion: 'v1' } }))).toEqual({
      'consent.date': 'Enter the date consent was given',
    });
    expect(errorsFor(input({ consent: { given: true, date: '2027-01-01', textVersion: 'v1' } }))).toEqual({
      'consent.date': 'The consent date cannot be in the future',
    });
  });

  it('keeps a tag once, whatever its case or accents', () => {
    expect(schema.parse(input({ tags: ['Migraine', ' migraine ', 'Rücken', 'rucken'] })).tags).toEqual([
      'Migraine',
      'Rücken',
    ]);
    expect(errorsFor(input({ tags: [' '] }))).toEqual({ 'tags.0': 'A tag cannot be empty' });
  });

  it('a boundary refusal names the field', () => {
    expect(() => parseWith(schema, { ...input(), email: 'nope' }, 'Client')).toThrow(ValidationError);
    expect(() => parseWith(schema, { ...input(), email: 'nope' }, 'Client')).toThrow(
      'Client is not valid: email: Enter an email address like name@example.com',
    );
  });
});

describe('stored client', () => {
  const record = buildClientRecord(input({ preferredName: 'Zo' }), {
    id: 'c-1',
    now: '2026-11-26T09:00:00.000Z',
  });

  it('buildClientRecord fills id, timestamps and the search text', () => {
    expect(record).toMatchObject({
      id: 'c-1',
      createdAt: '2026-11-26T09:00:00.000Z',
      updatedAt: '2026-11-26T09:00:00.000Z',
      lastVisitAt: null,
      searchText: 'zoe odegard zo',
    });
    expect(ClientSchema.parse(record)).toEqual(record);
  });

  it('an update keeps id, creation time and last visit', () => {
    const visited: Client = { ...record, lastVisitAt: '2026-11-20' };
    const updated = buildClientRecord(
      { ...clientInputOf(visited), lastName: 'Berg' },
      { existing: visited, now: '2026-11-27T10:00:00.000Z' },
    );
    expect(updated).toMatchObject({
      id: 'c-1',
      createdAt: '2026-11-26T09:00:00.000Z',
      updatedAt: '2026-11-27T10:00:00.000Z',
      lastVisitAt: '2026-11-20',
      searchText: 'zoe berg zo',
    });
  });

  it('parsing recomputes a stale search text', () => {
    expect(ClientSchema.parse({ ...record, searchText: 'stale' }).searchText).toBe('zoe odegard zo');
  });

  it('refuses a record without id or with a bad timestamp', () => {
    const { id: _id, ...withoutId } = record;
    expect(ClientSchema.safeParse(withoutId).success).toBe(false);
    expect(ClientSchema.safeParse({ ...record, updatedAt: 'yesterday' }).success).toBe(false);
  });

  it('clientInputOf returns exactly the form fields', () => {
    expect(Object.keys(clientInputOf(record)).sort()).toEqual(Object.keys(emptyClientInput()).sort());
  });
});

describe('names', () => {
  it.each([
    [
      { firstName: 'Katherine', lastName: 'Smith', preferredName: 'Kate' },
      'Kate (Katherine) Smith',
      'Smith, Katherine (Kate)',
    ],
    [{ firstName: 'Katherine', lastName: 'Smith', preferredName: '' }, 'Katherine Smith', 'Smith, Katherine'],
    [{ firstName: 'Zoë', lastName: 'Ødegård', preferredName: 'zoe' }, 'Zoë Ødegård', 'Ødegård, Zoë'],
    [{ firstName: ' Ann ', lastName: ' Lee ', preferredName: ' ' }, 'Ann Lee', 'Lee, Ann'],
    [{ firstName: '', lastName: '', preferredName: '' }, 'Unnamed client', 'Unnamed client'],
  ])('%j', (client, display, sort) => {
    expect(clientDisplayName(client)).toBe(display);
    expect(clientSortName(client)).toBe(sort);
  });

  it('sorts by last name, then first name, ignoring case and accents', () => {
    const names = [
      { firstName: 'Zoë', lastName: 'Ødegård' },
      { firstName: 'Ann', lastName: 'odell' },
      { firstName: 'Bob', lastName: 'Adams' },
      { firstName: 'Al', lastName: 'Adams' },
    ];
    expect([...names].sort(compareClientsByName).map(clientSortName)).toEqual([
      'Adams, Al',
      'Adams, Bob',
      'Ødegård, Zoë',
      'odell, Ann',
    ]);
  });
});
