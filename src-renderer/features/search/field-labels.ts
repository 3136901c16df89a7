import type { MessageKey, Translate } from '../../../src-shared/i18n';
import { regionName } from '../../../src-shared/i18n/session-labels';
import type { NoteFieldRef } from './note-search';
import type { NoteFieldName } from './note-text';

/**
 * The names of a note's fields in search results, in the app's language (issue 19). Kept out of
 * note-text.ts, which the index worker runs: the worker needs no catalogue.
 */
const FIELD_KEYS: Readonly<Record<NoteFieldName, MessageKey>> = {
  chiefComplaint: 'search.fields.chiefComplaint',
  painLocation: 'search.fields.painLocation',
  changesSinceLast: 'search.fields.changesSinceLast',
  safetyCheck: 'search.fields.safetyCheck',
  rhythm: 'search.fields.rhythm',
  palpationSite: 'search.fields.palpationSite',
  treatedArea: 'search.fields.treatedArea',
  sensations: 'search.fields.sensations',
  observations: 'search.fields.observations',
  emotionalRelease: 'search.fields.emotionalRelease',
  painLocationAfter: 'search.fields.painLocationAfter',
  globalResponse: 'search.fields.globalResponse',
  plan: 'search.fields.plan',
  nextSession: 'search.fields.nextSession',
  homeCare: 'search.fields.homeCare',
  addendum: 'search.fields.addendum',
};

/** "Chief complaint", "Hauptbeschwerde"; a treated area's note by its region ("Sacrum", "Kreuzbein"). */
export function noteFieldLabel(t: Translate, field: NoteFieldRef): string {
  if (field.name === 'treatedArea' && field.regionId) return regionName(t, field.regionId);
  return t(FIELD_KEYS[field.name]);
}
