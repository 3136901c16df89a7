import { describe, expect, it } from 'vitest';
import { invalidRecordsError } from '../../../src-shared/backup/errors';
import { CLIENT_MESSAGES } from '../../../src-shared/domain/client';
import { HEALTH_HISTORY_MESSAGES } from '../../../src-shared/domain/health-history';
import { invalidRecordsText } from '../../../src-shared/i18n/record-failures';
import { translatorFor } from '../../../src-shared/i18n/translator';

const failures = [
  { table: 'clients', index: 2, id: 'c-3', field: 'firstName', message: CLIENT_MESSAGES.firstName },
  {
    table: 'healthHistories',
    index: 0,
    field: 'conditions.0.severity',
    message: HEALTH_HISTORY_MESSAGES.severity,
  },
  { table: 'sessions', index: 4, field: '', message: 'Something the schemas do not say' },
];

describe('the list after the lead of an invalid-records refusal', () => {
  it('reads word for word as the backup code wrote it in English', () => {
    for (const options of [{}, { moreNotShown: true }, { during: 'backup' as const }]) {
      const error = invalidRecordsError(failures, options);
      expect(invalidRecordsText(translatorFor('en'), error)).toBe(error.message);
    }
  });

  it('is German in a German app: the lead, each record and each schema message', () => {
    const text = invalidRecordsText(
      translatorFor('de'),
      invalidRecordsError(failures, { moreNotShown: true }),
    );
    expect(text).toBe(
      'Einige Datensätze in dieser Sicherung sind ungültig, daher wurde nichts wiederhergestellt. ' +
        'clients Datensatz 3 (ID c-3), Feld firstName: Geben Sie einen Vornamen ein; ' +
        'healthHistories Datensatz 1, Feld conditions.0.severity: Wählen Sie einen Schweregrad; ' +
        'sessions Datensatz 5: Something the schemas do not say; und weitere.',
    );
  });

  it('leaves a refusal it did not write to the caller', () => {
    const error = invalidRecordsError([]);
    expect(invalidRecordsText(translatorFor('de'), error)).toBeNull();
  });
});
