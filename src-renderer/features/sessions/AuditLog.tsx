import { useLiveQuery } from 'dexie-react-hooks';
import { formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { WrittenOnComputer } from '../sync/WrittenOn';
import { auditActionName } from './session-labels';

/** The note's audit log: created, signed, addenda, printed, exported, oldest first. */
export function AuditLog({ noteId }: { noteId: string }) {
  const t = useT();
  const entries = useLiveQuery(() => repositories().audit.listForNote(noteId), [noteId]);
  return (
    <section className="card audit-log" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('sessions.audit.title')}</h2>
      {entries === undefined ? (
        <p className="muted">{t('sessions.common.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{t('sessions.audit.noEntries')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('sessions.audit.when')}</th>
              <th scope="col">{t('sessions.audit.what')}</th>
              <th scope="col">{t('sessions.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td className="audit-when">{formatTimestamp(entry.at)}</td>
                <td>{auditActionName(t, entry.action)}</td>
                <td className="muted">
                  {entry.detail}
                  <WrittenOnComputer author={entry.author} computer={entry.computer} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
