import { memo, useEffect, useMemo } from 'react';
import type { Client } from '../../../src-shared/domain/client';
import { fieldMessage } from '../../../src-shared/i18n/field-messages';
import { ruleTitle } from '../../../src-shared/i18n/safety-names';
import { type Finding, isHistoryNotRecordedFinding } from '../../../src-shared/safety';
import { formatDate, formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import { AttachClearanceLetter } from '../documents/AttachClearanceLetter';
import { describeClearance } from '../safety/clearance-text';
import { RecordClearanceForm } from '../safety/RecordClearanceForm';
import { useSafetyFindings } from '../safety/useSafetyFindings';
import { useDraftErrors, useDraftUpdate, useDraftValue } from './draft-context';
import {
  findingKey,
  groupFindings,
  type SafetyFindingDraft,
  safetyCheckDay,
  syncSafetyCheck,
} from './draft-edits';
import { safetySeverityName } from './session-labels';

const SEVERITY_CLASS: Record<SafetyFindingDraft['severity'], string> = {
  AVOID: 'avoid',
  CLEARANCE: 'clearance',
  MODIFY: 'modify',
  CAUTION: 'caution',
};

/**
 * "Safety check", the first step: the contraindication findings for the day of service, each
 * acknowledged in the note. AVOID and CLEARANCE show the physician's clearance on file, or offer
 * to record one onto the client's file (it then counts in every later session until it ends),
 * or a reason to proceed without it; MODIFY asks how the treatment was modified.
 */
export const SafetyCheckCard = memo(function SafetyCheckCard({
  client,
  onChecked,
}: {
  client: Client;
  /** Called each time the findings are read and written into the note. */
  onChecked?: () => void;
}) {
  const t = useT();
  const update = useDraftUpdate();
  const safetyCheck = useDraftValue((d) => d.safetyCheck);
  const day = useDraftValue((d) => safetyCheckDay(d, new Date()));
  const check = useSafetyFindings(client.id, client.dateOfBirth, day);
  const findings = check?.findings;
  const historyReviewedAt = check?.historyReviewedAt ?? null;
  const unsaved = check?.unsaved ?? null;

  useEffect(() => {
    if (!findings) return;
    update((current) => {
      // Never record a check of a history with unsaved changes: it is not run until they are
      // stored, and signing asks for it.
      if (unsaved) {
        return current.safetyCheck.checkedAt === null
          ? current
          : { ...current, safetyCheck: { ...current.safetyCheck, checkedAt: null } };
      }
      const next = syncSafetyCheck(current.safetyCheck, findings, new Date(), historyReviewedAt);
      return next ? { ...current, safetyCheck: next } : current;
    });
    onChecked?.();
  }, [findings, historyReviewedAt, unsaved, update, onChecked]);

  const stored = safetyCheck.findings;
  const groups = useMemo(
    () => (findings ? groupFindings(findings) : new Map<string, Finding[]>()),
    [findings],
  );
  const acknowledged = stored.filter((f) => f.acknowledged).length;
  // A finding lifted by a physician's clearance on file no longer colours the card.
  const worst = stored.find((f) => !isHistoryNotRecordedFinding(f) && !f.clearance?.clearanceId)?.severity;
  const notRecorded = stored.some(isHistoryNotRecordedFinding);
  const level =
    unsaved || (notRecorded && worst !== 'AVOID' && worst !== 'CLEARANCE')
      ? 'level-unrecorded'
      : worst
        ? `level-${SEVERITY_CLASS[worst]}`
        : 'level-clear';

  return (
    <section
      className={`card safety-check ${level}`}
      aria-labelledby="safety-check-title"
      data-path="safetyCheck"
    >
      <div className="card-header">
        <h2 id="safety-check-title">{t('sessions.safety.title')}</h2>
        {stored.length > 0 && (
          <span className={`tag ${acknowledged === stored.length ? 'tag-ok' : 'tag-pending'}`}>
            {t('sessions.safety.acknowledged', { acknowledged, total: stored.length })}
          </span>
        )}
      </div>
      <p className="muted safety-check-intro">
        {safetyCheck.checkedAt
          ? t('sessions.safety.forDayChecked', {
              date: formatDate(day),
              checked: formatTimestamp(safetyCheck.checkedAt),
            })
          : t('sessions.safety.forDay', { date: formatDate(day) })}
      </p>
      {findings !== undefined && !unsaved && (
        <p className="muted history-reviewed">
          {historyReviewedAt
            ? t('sessions.safety.reviewedOn', { date: formatDate(historyReviewedAt) })
            : t('sessions.safety.neverReviewed')}
        </p>
      )}
      {findings === undefined ? (
        <p className="muted">{t('sessions.safety.checking')}</p>
      ) : unsaved ? (
        <p className="notice warning safety-unsaved" role="status">
          {t('sessions.safety.unsaved')}
        </p>
      ) : stored.length === 0 ? (
        <p className="safety-clear">
          {historyReviewedAt
            ? t('sessions.safety.clearOn', { date: formatDate(historyReviewedAt) })
            : t('sessions.safety.clear')}
        </p>
      ) : (
        <ul className="safety-findings">
          {stored.map((finding, index) => (
            <SafetyFindingItem
              key={findingKey(finding)}
              finding={finding}
              index={index}
              details={groups.get(findingKey(finding)) ?? []}
              client={client}
            />
          ))}
        </ul>
      )}
    </section>
  );
});

const SafetyFindingItem = memo(function SafetyFindingItem({
  finding,
  index,
  details,
  client,
}: {
  finding: SafetyFindingDraft;
  index: number;
  details: Finding[];
  client: Client;
}) {
  const t = useT();
  const update = useDraftUpdate();
  const noteId = useDraftValue((d) => d.id);
  const errors = useDraftErrors();
  const path = `safetyCheck.findings.${index}`;
  const change = (changes: Partial<SafetyFindingDraft>) =>
    update((d) => ({
      ...d,
      safetyCheck: {
        ...d.safetyCheck,
        findings: d.safetyCheck.findings.map((f, i) => (i === index ? { ...f, ...changes } : f)),
      },
    }));
  const onFile = details.length > 0 && details.every((d) => d.lifted) ? details[0]?.clearance : undefined;
  const clearance = finding.clearance ?? null;
  const setClearance = (changes: Partial<{ givenBy: string; date: string }>) => {
    const next = { givenBy: clearance?.givenBy ?? '', date: clearance?.date ?? '', ...changes };
    change({ clearance: next.givenBy === '' && next.date === '' ? null : next });
  };
  const ackError = errors[`${path}.acknowledged`];
  // The draft keeps the title the check wrote; a built-in rule's is shown in the app's language.
  const shownTitle = ruleTitle(t, finding.ruleId, finding.title);
  const ackErrorId = `${path}-ack-error`;

  return (
    <li
      className={`safety-finding severity-line-${SEVERITY_CLASS[finding.severity]}`}
      data-severity={finding.severity}
    >
      <div className="safety-finding-head">
        {isHistoryNotRecordedFinding(finding) ? (
          <span className="severity-badge severity-unrecorded">{t('sessions.safety.notChecked')}</span>
        ) : (
          <span className={`severity-badge severity-${SEVERITY_CLASS[finding.severity]}`}>
            {safetySeverityName(t, finding.severity)}
          </span>
        )}
        {onFile && <span className="tag tag-ok finding-cleared">{t('sessions.safety.cleared')}</span>}
        <strong className="safety-finding-title">{shownTitle}</strong>
        <label className="checkbox acknowledge">
          <input
            type="checkbox"
            data-path={`${path}.acknowledged`}
            checked={finding.acknowledged}
            aria-invalid={ackError ? true : undefined}
            aria-describedby={ackError ? ackErrorId : undefined}
            onChange={(e) => change({ acknowledged: e.target.checked })}
          />
          {t('sessions.safety.acknowledge')}
          <span className="visually-hidden"> {shownTitle}</span>
        </label>
      </div>
      {ackError && (
        <span id={ackErrorId} className="field-error" role="alert">
          {fieldMessage(t, ackError)}
        </span>
      )}
      {details
        .filter(
          (detail) =>
            detail.because.trim().toLowerCase() !== finding.title.trim().toLowerCase() || detail.until,
        )
        .map((detail) => (
          <p key={`${detail.ruleId}-${detail.itemId ?? ''}`} className="finding-because">
            {detail.because}
            {detail.until
              ? ` · ${t('sessions.safety.appliesUntil', { date: formatDate(detail.until) })}`
              : ''}
          </p>
        ))}
      {details[0] && <p className="finding-rationale">{details[0].rationale}</p>}

      {onFile && (finding.severity === 'AVOID' || finding.severity === 'CLEARANCE') && (
        <p className="clearance-on-file">{describeClearance(onFile)}.</p>
      )}
      {!onFile && (finding.severity === 'AVOID' || finding.severity === 'CLEARANCE') && (
        <RecordClearanceForm
          clientId={client.id}
          noteId={noteId}
          ruleId={finding.ruleId}
          title={finding.title}
          itemIds={[...new Set(details.filter((d) => !d.lifted).map((d) => d.itemId ?? null))]}
          dateOfBirth={client.dateOfBirth}
        />
      )}
      {(finding.severity === 'AVOID' || finding.severity === 'CLEARANCE') && (
        <AttachClearanceLetter
          clientId={client.id}
          noteId={noteId}
          title={finding.title}
          letters={finding.letters ?? []}
          onAttached={(letter) => change({ letters: [...(finding.letters ?? []), letter] })}
        />
      )}
      {finding.severity === 'AVOID' && !onFile && (
        <Field label={t('sessions.safety.reasonDespite')} error={errors[`${path}.overrideReason`]} wide>
          <textarea
            rows={2}
            data-path={`${path}.overrideReason`}
            value={finding.overrideReason}
            onChange={(e) => change({ overrideReason: e.target.value })}
          />
        </Field>
      )}
      {finding.severity === 'CLEARANCE' &&
        !onFile &&
        (clearance !== null && !clearance.clearanceId ? (
          // A note written before clearances were kept on the client's file: who and when were
          // typed into the note itself, and stay editable there.
          <div className="clearance-fields">
            <Field
              label={t('sessions.safety.clearedBy')}
              error={errors[`${path}.clearance.givenBy`] ?? errors[`${path}.clearance`]}
            >
              <input
                type="text"
                data-path={`${path}.clearance`}
                value={clearance?.givenBy ?? ''}
                onChange={(e) => setClearance({ givenBy: e.target.value })}
              />
            </Field>
            <Field label={t('sessions.safety.clearanceDate')} error={errors[`${path}.clearance.date`]}>
              <input
                type="date"
                value={clearance?.date ?? ''}
                onChange={(e) => setClearance({ date: e.target.value })}
              />
            </Field>
            <Field label={t('sessions.safety.orReasonWithoutIt')} error={errors[`${path}.overrideReason`]}>
              <input
                type="text"
                value={finding.overrideReason}
                onChange={(e) => change({ overrideReason: e.target.value })}
              />
            </Field>
          </div>
        ) : (
          <Field
            label={t('sessions.safety.orReasonWithoutClearance')}
            error={errors[`${path}.overrideReason`] ?? errors[`${path}.clearance`]}
            wide
          >
            <input
              type="text"
              data-path={`${path}.clearance`}
              value={finding.overrideReason}
              onChange={(e) => change({ overrideReason: e.target.value })}
            />
          </Field>
        ))}
      {finding.severity === 'MODIFY' && (
        <Field label={t('sessions.safety.howModified')} error={errors[`${path}.modification`]} wide>
          <input
            type="text"
            data-path={`${path}.modification`}
            value={finding.modification}
            onChange={(e) => change({ modification: e.target.value })}
          />
        </Field>
      )}
    </li>
  );
});
