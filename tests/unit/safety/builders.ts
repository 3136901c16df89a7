import { addDays, type IsoDate } from '../../../src-shared/domain/dates';
import {
  type Clearance,
  type Condition,
  emptyHealthHistory,
  type HeadInjury,
  type HealthHistory,
  type Medication,
  type Surgery,
} from '../../../src-shared/domain/health-history';
import type { CatalogId } from '../../../src-shared/safety/catalog';

/** The day every rule test runs on, unless it says otherwise. */
export const TODAY: IsoDate = '2026-11-26';

export function daysAgo(days: number, today: IsoDate = TODAY): IsoDate {
  return addDays(today, -days);
}

/** A history reviewed with the client (a week before TODAY), unless `parts` says otherwise. */
export function history(parts: Partial<Omit<HealthHistory, 'clientId' | 'updatedAt'>> = {}): HealthHistory {
  return {
    ...emptyHealthHistory('client-1', '2026-11-26T09:00:00.000Z'),
    reviewedAt: '2026-11-19',
    ...parts,
  };
}

export function condition(catalogId: CatalogId | null, overrides: Partial<Condition> = {}): Condition {
  return {
    id: `condition-${catalogId ?? 'free'}`,
    catalogId,
    label: overrides.label ?? catalogId ?? 'Free text',
    status: 'current',
    onsetDate: null,
    resolvedDate: null,
    severity: null,
    treated: null,
    notes: '',
    ...overrides,
  };
}

export function freeText(label: string, overrides: Partial<Condition> = {}): Condition {
  return condition(null, { label, ...overrides });
}

export function surgery(overrides: Partial<Surgery> = {}): Surgery {
  return { id: 'surgery-1', date: null, site: 'cranial', description: '', ...overrides };
}

export function headInjury(overrides: Partial<HeadInjury> = {}): HeadInjury {
  return { id: 'injury-1', date: null, description: '', treated: false, ...overrides };
}

export function medication(overrides: Partial<Medication> = {}): Medication {
  return { id: 'medication-1', name: 'Ibuprofen', dose: '', anticoagulant: false, ...overrides };
}

export function clearance(ruleId: string, overrides: Partial<Clearance> = {}): Clearance {
  return {
    id: `clearance-${ruleId}`,
    ruleId,
    itemId: null,
    givenBy: 'Dr Amara Okafor',
    date: TODAY,
    validUntil: null,
    notes: '',
    recordedBy: '',
    recordedAt: null,
    ...overrides,
  };
}
