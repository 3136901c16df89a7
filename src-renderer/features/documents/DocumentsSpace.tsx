import { useLiveQuery } from 'dexie-react-hooks';
import { formatBytes } from '../../../src-shared/documents/attachment';
import { repositories } from '../../app/repositories';

/**
 * Settings › Storage: how much room documents and photos take (the sum of their sizes, read
 * from the metadata only, so this never loads a file).
 */
export function DocumentsSpace() {
  const used = useLiveQuery(() => repositories().attachments.spaceUsed(), []);
  return (
    <section className="card" aria-labelledby="documents-space-title">
      <h2 id="documents-space-title">Documents and photos</h2>
      <p data-testid="documents-space">
        {used === undefined
          ? 'Counting…'
          : used.files === 0
            ? 'No documents or photos are attached yet.'
            : `${used.files} ${used.files === 1 ? 'file takes' : 'files take'} ${formatBytes(used.bytes)}.`}
      </p>
    </section>
  );
}
