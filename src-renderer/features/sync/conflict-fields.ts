import type { MessageKey, Translate } from '../../../src-shared/i18n';

/**
 * The fields of a record as the forms name them, for the field-by-field view of a sync conflict
 * (issue 19): "Phone", "Telefon", not the stored name `phone`. Clients and health histories are
 * the records whose newer version is kept with the other one set aside (signed notes are kept
 * twice and shown as notes). A field not listed here (one a newer version adds) is shown by its
 * stored name, so nothing that differs is hidden.
 */
const FIELD_KEYS: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = {
  clients: {
    firstName: 'clients.form.firstName',
    lastName: 'clients.form.lastName',
    preferredName: 'clients.form.preferredName',
    dateOfBirth: 'clients.form.dateOfBirth',
    phone: 'clients.form.phone',
    email: 'clients.form.email',
    address: 'clients.form.address',
    emergencyContact: 'sync.conflicts.fields.emergencyContact',
    referringPhysician: 'clients.form.referringPhysician',
    referralSource: 'clients.form.referralSource',
    consent: 'clients.form.consent',
    notes: 'clients.form.notes',
    tags: 'clients.form.tags',
    archived: 'sync.conflicts.fields.archived',
    preferredLanguage: 'clientLanguage.label',
  },
  healthHistories: {
    conditions: 'clients.history.conditions',
    medications: 'clients.history.medications',
    pregnancy: 'clients.history.pregnancy',
    surgeries: 'clients.history.surgeries',
    headInjuries: 'clients.history.headInjuries',
    clearances: 'clients.history.clearances',
    reviewedAt: 'sync.conflicts.fields.reviewedAt',
  },
};

/** A stored field's name as the form labels it, in the app's language; else the stored name. */
export function conflictFieldLabel(t: Translate, table: string, field: string): string {
  const fields = Object.hasOwn(FIELD_KEYS, table) ? FIELD_KEYS[table] : undefined;
  const key = fields && Object.hasOwn(fields, field) ? fields[field] : undefined;
  return key ? t(key) : field;
}
