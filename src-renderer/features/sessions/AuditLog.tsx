import { useLiveQuery } from 'dexie-react-hooks';
import { AUDIT_ACTION_LABELS } from '../../../src-shared/domain/audit';
import { formatTimestamp } from '../../app/format';
import { repositories } from '../../app/repositories';
import { WrittenOnComputer } from '../sync/WrittenOn';

/** The note's audit log: created, signed, addenda, printed, exported, oldest first. */
export function AuditLog({ noteId }: { noteId: string }) {
  const entries = useLiveQuery(() => repositories().audit.listForNote(noteId), [noteId]);
  return (
    <section className="card audit-log" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      {entries === undefined ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No entries.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td className="audit-when">{formatTimestamp(entry.at)}</td>
                <td>{AUDIT_ACTION_LABELS[entry.action]}</td>
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
