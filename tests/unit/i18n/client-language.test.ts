import { describe, expect, it } from 'vitest';
import { ClientInputSchema, ClientSchema, emptyClientInput } from '../../../src-shared/domain/client';
import { CLIENT_COLUMNS } from '../../../src-shared/exports/spreadsheet-columns';
import { makeClient } from '../exports/fixtures';

describe("a client's preferred language", () => {
  const base = { ...emptyClientInput(), firstName: 'Lucía', lastName: 'Fernández' };

  it("is optional: records from before issue 19 stay valid, and the form's empty choice means none", () => {
    expect(ClientInputSchema.parse(base).preferredLanguage).toBeUndefined();
    expect(ClientInputSchema.parse({ ...base, preferredLanguage: '' }).preferredLanguage).toBeUndefined();
    const stored = makeClient(base);
    const { preferredLanguage: _none, ...old } = stored;
    expect(ClientSchema.parse(old).preferredLanguage).toBeUndefined();
  });

  it('keeps a language Stillpoint speaks and refuses any other, in words', () => {
    expect(ClientInputSchema.parse({ ...base, preferredLanguage: 'es' }).preferredLanguage).toBe('es');
    const refused = ClientInputSchema.safeParse({ ...base, preferredLanguage: 'xx' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['preferredLanguage']);
  });

  it('is the last column of clients.csv, empty when none is chosen', () => {
    const column = CLIENT_COLUMNS.at(-1)!;
    expect(column.name).toBe('preferred_language');
    const row = (client: object) => ({ client, healthHistory: null, sessionCount: 0 }) as never;
    expect(column.value(row(makeClient({ ...base, preferredLanguage: 'nl' })))).toBe('nl');
    expect(column.value(row(makeClient(base)))).toBe('');
  });
});
