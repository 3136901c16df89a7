import { describe, expect, it } from 'vitest';
import { noteFieldLabel } from '../../../src-renderer/features/search/field-labels';
import { noteFields } from '../../../src-renderer/features/search/note-text';
import { translatorFor } from '../../../src-shared/i18n';

// Issue 19: a search result names the note's field in the app's language.
describe('note field names in search results', () => {
  const note = {
    id: 'n1',
    clientId: 'c1',
    chiefComplaint: 'Kopfschmerzen seit dem Sturz',
    treatedAreas: [{ regionId: 'sacrum', techniques: [], note: 'weich, frei' }],
    homeCare: 'Viel trinken',
  };

  it('German names each field as the session form does, a treated area by its region', () => {
    const de = translatorFor('de');
    const labels = noteFields(note).map((field) => noteFieldLabel(de, field));
    expect(labels).toEqual([
      'Hauptanliegen',
      'Behandelter Bereich',
      'Sakrum (Kreuzbein)',
      'Empfehlungen für zu Hause',
    ]);
  });

  it('English keeps the form’s words', () => {
    const en = translatorFor('en');
    expect(noteFields(note).map((field) => noteFieldLabel(en, field))).toEqual([
      'Chief complaint',
      'Treated area',
      'Sacrum',
      'Home care',
    ]);
  });
});
