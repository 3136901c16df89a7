import { describe, expect, it } from 'vitest';
import { conflictFieldLabel } from '../../../src-renderer/features/sync/conflict-fields';
import { translatorFor } from '../../../src-shared/i18n';

// Issue 19: the field-by-field view of a sync conflict names fields as the forms do, translated.
describe('sync conflict field names', () => {
  it('German uses the client and health-history forms’ labels', () => {
    const de = translatorFor('de');
    expect(conflictFieldLabel(de, 'clients', 'phone')).toBe('Telefon');
    expect(conflictFieldLabel(de, 'clients', 'dateOfBirth')).toBe('Geburtsdatum');
    expect(conflictFieldLabel(de, 'clients', 'emergencyContact')).toBe('Notfallkontakt');
    expect(conflictFieldLabel(de, 'healthHistories', 'medications')).toBe('Medikamente');
  });

  it('English says what the form says; a field it does not know keeps its stored name', () => {
    const en = translatorFor('en');
    expect(conflictFieldLabel(en, 'clients', 'referralSource')).toBe('How they heard of us');
    expect(conflictFieldLabel(en, 'clients', 'somethingNew')).toBe('somethingNew');
    expect(conflictFieldLabel(en, 'mysteries', 'phone')).toBe('phone');
    expect(conflictFieldLabel(en, 'clients', 'toString')).toBe('toString');
  });
});
