import { useLiveQuery } from 'dexie-react-hooks';
import { clientDisplayName } from '../../../src-shared/domain/client';
import { localToday } from '../../../src-shared/domain/dates';
import { formatDate } from '../../app/format';
import { repositories } from '../../app/repositories';
import { routeToHash } from '../../app/router';
import { useFollowUpDays } from './useFollowUpDays';
import './outcomes.css';

/** "Follow up today" on the Clients screen: whom to call or message after a recent signed session. */
export function FollowUpToday() {
  const days = useFollowUpDays();
  const today = localToday();
  const due = useLiveQuery(async () => {
    if (days === undefined) return [];
    const repos = repositories();
    const items = await repos.followUps.due({ days, today });
    return Promise.all(
      items.map(async (item) => ({ ...item, client: await repos.clients.get(item.clientId) })),
    );
  }, [days, today]);
  if (!due || due.length === 0) return null;
  return (
    <section className="card follow-up-today" aria-labelledby="follow-up-today-title">
      <h2 id="follow-up-today-title">Follow up today</h2>
      <p className="muted">Signed sessions of the last {days} days with no follow-up recorded yet.</p>
      <ul aria-label="Clients to follow up">
        {due.map((item) =>
          item.client ? (
            <li key={item.sessionId}>
              <a href={routeToHash({ name: 'client', clientId: item.clientId })}>
                {clientDisplayName(item.client)}
              </a>{' '}
              <span className="muted">
                session {item.sessionNumber ?? ''} on {formatDate(item.serviceDate)}
              </span>
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}
