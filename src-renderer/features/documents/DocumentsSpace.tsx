import { useLiveQuery } from 'dexie-react-hooks';
import { formatByteSize } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';

/**
 * Settings › Storage: how much room documents and photos take (the sum of their sizes, read
 * from the metadata only, so this never loads a file).
 */
export function DocumentsSpace() {
  const t = useT();
  const used = useLiveQuery(() => repositories().attachments.spaceUsed(), []);
  return (
    <section className="card" aria-labelledby="documents-space-title">
      <h2 id="documents-space-title">{t('documents.title')}</h2>
      <p data-testid="documents-space">
        {used === undefined
          ? t('documents.space.counting')
          : used.files === 0
            ? t('documents.space.none')
            : t('documents.space.used', { count: used.files, size: formatByteSize(used.bytes) })}
      </p>
    </section>
  );
}
