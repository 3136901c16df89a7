import { afterEffectLabel } from '../../../src-shared/domain/sensations';
import type { AfterEffectReport, SessionDraft } from '../../../src-shared/domain/session-note';
import { formatDate } from '../../app/format';
import { routeToHash } from '../../app/router';

function pain(note: SessionDraft): string | null {
  const before = note.painBefore.score;
  const after = note.painAfter.score;
  if (before === null && after === null) return null;
  return `Pain ${before ?? '–'} → ${after ?? '–'}`;
}

/** Every session of the client, newest first: one line each, linking to the note. */
export function SessionTimeline({
  notes,
  afterEffects,
}: {
  notes: readonly SessionDraft[];
  afterEffects: ReadonlyMap<string, AfterEffectReport[]>;
}) {
  return (
    <ol className="timeline" aria-label="Sessions, newest first">
      {notes.map((note) => {
        const reports = afterEffects.get(note.id) ?? [];
        const painText = pain(note);
        return (
          <li key={note.id} className="timeline-item">
            <a
              className="timeline-row"
              href={routeToHash({ name: 'session', clientId: note.clientId, sessionId: note.id })}
            >
              <span className="tl-number">#{note.sessionNumber ?? '?'}</span>
              <span className="tl-date">{note.serviceDate ? formatDate(note.serviceDate) : 'No date'}</span>
              <span className={`tag status-${note.status}`}>
                {note.status === 'signed' ? 'Signed' : 'Draft'}
              </span>
              <span className="tl-complaint">
                {note.chiefComplaint || <span className="muted">No chief complaint yet</span>}
              </span>
              <span className="tl-facts">
                <span>
                  {note.treatedAreas.length} {note.treatedAreas.length === 1 ? 'area' : 'areas'}
                </span>
                {painText && <span>{painText}</span>}
                {note.rhythm.rateCpm !== null && <span>{note.rhythm.rateCpm} cpm</span>}
              </span>
              {reports.length > 0 && (
                <span className="tl-after">
                  <span className="tl-after-label">After-effects:</span>
                  {reports.map((r) => (
                    <span key={r.id} className={`effect-chip severity-${r.severity}`}>
                      {afterEffectLabel(r.type)}, {r.severity}
                      {r.resolved ? '' : ', ongoing'}
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
