import type { AfterEffectReport, SessionDraft } from '../../../src-shared/domain/session-note';
import type { Translate } from '../../../src-shared/i18n';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { routeToHash } from '../../app/router';
import { afterEffectName, severityInline } from './session-labels';

function pain(note: SessionDraft, t: Translate): string | null {
  const before = note.painBefore.score;
  const after = note.painAfter.score;
  if (before === null && after === null) return null;
  return t('sessions.timeline.pain', { before: before ?? '–', after: after ?? '–' });
}

/** Every session of the client, newest first: one line each, linking to the note. */
export function SessionTimeline({
  notes,
  afterEffects,
}: {
  notes: readonly SessionDraft[];
  afterEffects: ReadonlyMap<string, AfterEffectReport[]>;
}) {
  const t = useT();
  return (
    <ol className="timeline" aria-label={t('sessions.timeline.label')}>
      {notes.map((note) => {
        const reports = afterEffects.get(note.id) ?? [];
        const painText = pain(note, t);
        return (
          <li key={note.id} className="timeline-item">
            <a
              className="timeline-row"
              href={routeToHash({ name: 'session', clientId: note.clientId, sessionId: note.id })}
            >
              <span className="tl-number">#{note.sessionNumber ?? '?'}</span>
              <span className="tl-date">
                {note.serviceDate ? formatDate(note.serviceDate) : t('sessions.timeline.noDate')}
              </span>
              <span className={`tag status-${note.status}`}>
                {note.status === 'signed' ? t('sessions.common.signed') : t('sessions.common.draft')}
              </span>
              <span className="tl-complaint">
                {note.chiefComplaint || <span className="muted">{t('sessions.timeline.noComplaint')}</span>}
              </span>
              <span className="tl-facts">
                <span>{t('sessions.treatedAreas.count', { count: note.treatedAreas.length })}</span>
                {painText && <span>{painText}</span>}
                {note.rhythm.rateCpm !== null && (
                  <span>{t('sessions.timeline.rate', { rate: note.rhythm.rateCpm })}</span>
                )}
              </span>
              {reports.length > 0 && (
                <span className="tl-after">
                  <span className="tl-after-label">{t('sessions.timeline.afterEffects')}</span>
                  {reports.map((r) => (
                    <span key={r.id} className={`effect-chip severity-${r.severity}`}>
                      {t(r.resolved ? 'sessions.timeline.effect' : 'sessions.timeline.effectOngoing', {
                        type: afterEffectName(t, r.type),
                        severity: severityInline(t, r.severity),
                      })}
                    </span>
                  ))}
                </span>
              )}
            </a>
          </li>
        );
      })}
    </ol>
  );
}
