import { useLiveQuery } from 'dexie-react-hooks';
import { clientDisplayName } from '../../../src-shared/domain/client';
import { localToday } from '../../../src-shared/domain/dates';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { routeToHash } from '../../app/router';
import { useFollowUpDays } from './useFollowUpDays';
import './outcomes.css';

/** "Follow up today" on the Clients screen: whom to call or message after a recent signed session. */
export function FollowUpToday() {
  const t = useT();
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
      <h2 id="follow-up-today-title">{t('outcomes.today.title')}</h2>
      <p className="muted">{t('outcomes.today.intro', { days: days ?? 0 })}</p>
      <ul aria-label={t('outcomes.today.list')}>
        {due.map((item) =>
          item.client ? (
            <li key={item.sessionId}>
              <a href={routeToHash({ name: 'client', clientId: item.clientId })}>
                {clientDisplayName(item.client)}
              </a>{' '}
              <span className="muted">
                {t('outcomes.today.session', {
                  number: item.sessionNumber ?? '',
                  date: formatDate(item.serviceDate),
                })}
              </span>
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}
