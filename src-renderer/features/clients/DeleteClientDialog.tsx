import { useState } from 'react';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import { foldForSearch } from '../../../src-shared/domain/text-search';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { Dialog } from '../../app/ui/Dialog';
import { Field } from '../../app/ui/Field';

/**
 * Deleting is permanent and takes every session with it, so the therapist types the client's
 * name to confirm (case and accents do not matter). Archiving is the everyday alternative.
 */
export function DeleteClientDialog({
  client,
  open,
  onClose,
}: {
  client: Client;
  open: boolean;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const expected = `${client.firstName} ${client.lastName}`.trim();
  const matches = foldForSearch(typed.trim().replace(/\s+/g, ' ')) === foldForSearch(expected);

  const confirm = async () => {
    try {
      await repositories().clients.deleteWithSessions(client.id);
      onClose();
      navigate({ name: 'clients' });
    } catch (e) {
      setError(`Nothing was deleted: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <Dialog title={`Delete ${clientDisplayName(client)}?`} open={open} onClose={onClose}>
      <p>
        This permanently deletes the client, their health history and{' '}
        <strong>all of their session notes</strong>. It cannot be undone. To keep the records but hide the
        client, archive them instead.
      </p>
      <Field label={`Type “${expected}” to confirm`}>
        <input type="text" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </Field>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row dialog-actions">
        <button type="button" className="danger solid" disabled={!matches} onClick={confirm}>
          Delete client and sessions
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
