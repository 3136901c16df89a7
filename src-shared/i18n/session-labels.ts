import type { AuditAction } from '../domain/audit';
import { regionById, type Side } from '../domain/body-regions';
import type { Amplitude, Severity, Symmetry } from '../domain/sensations';
import type { AreaFinding } from '../domain/session-note';
import { techniqueById } from '../domain/techniques';
import type { Severity as SafetySeverity } from '../safety';
import type { MessageKey } from './catalogues';
import en from './locales/sessions/en.json';
import type { Translate } from './translator';

/**
 * The names the session screens show for the domain's pick lists (regions, techniques,
 * sensations ...), in the app's language. Notes store the stable ids; the catalogue is keyed by
 * them (`sessions.labels.regions.occipital`). An id the catalogue does not know (a vertebra such
 * as "C1", which reads the same in every language, a custom technique, an id from a newer
 * version) is shown as the domain names it, or as the therapist typed it.
 */
type LabelList = keyof typeof en.labels;

function has(list: LabelList, id: string): boolean {
  return Object.hasOwn(en.labels[list], id);
}

function label(t: Translate, list: LabelList, id: string): string {
  return t(`sessions.labels.${list}.${id}` as MessageKey);
}

export function regionName(t: Translate, id: string): string {
  if (has('regions', id)) return label(t, 'regions', id);
  return regionById(id)?.label ?? id;
}

export function regionGroupName(t: Translate, groupId: string): string {
  return has('groups', groupId) ? label(t, 'groups', groupId) : groupId;
}

export function techniqueName(t: Translate, idOrCustom: string): string {
  if (has('techniques', idOrCustom)) return label(t, 'techniques', idOrCustom);
  return techniqueById(idOrCustom)?.label ?? idOrCustom;
}

export function techniqueGroupName(t: Translate, group: string): string {
  return has('techniqueGroups', group) ? label(t, 'techniqueGroups', group) : group;
}

export function sensationName(t: Translate, id: string): string {
  return has('sensations', id) ? label(t, 'sensations', id) : id;
}

/** A reported after-effect: from the pick list, or the client's own words. */
export function afterEffectName(t: Translate, idOrCustom: string): string {
  return has('afterEffects', idOrCustom) ? label(t, 'afterEffects', idOrCustom) : idOrCustom;
}

export function palpationSiteName(t: Translate, id: string): string {
  return has('sites', id) ? label(t, 'sites', id) : id;
}

export const sideName = (t: Translate, side: Side) => t(`sessions.labels.sides.${side}`);
export const sideShortName = (t: Translate, side: Side) => t(`sessions.labels.sidesShort.${side}`);
export const findingName = (t: Translate, finding: AreaFinding) => t(`sessions.labels.findings.${finding}`);
/** The finding inside a sentence ("Occipital: CV-4, release"): lower case where the language has it. */
export const findingInline = (t: Translate, finding: AreaFinding) =>
  t(`sessions.labels.findingsInline.${finding}`);
export const severityName = (t: Translate, severity: Severity) => t(`sessions.labels.severities.${severity}`);
export const severityInline = (t: Translate, severity: Severity) =>
  t(`sessions.labels.severitiesInline.${severity}`);
export const amplitudeName = (t: Translate, amplitude: Amplitude) =>
  t(`sessions.labels.amplitudes.${amplitude}`);
export const symmetryName = (t: Translate, symmetry: Symmetry) => t(`sessions.labels.symmetries.${symmetry}`);
export const auditActionName = (t: Translate, action: AuditAction) => t(`sessions.audit.actions.${action}`);
export const safetySeverityName = (t: Translate, severity: SafetySeverity) =>
  t(`sessions.safety.severity.${severity}`);
