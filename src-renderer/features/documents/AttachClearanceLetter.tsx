import type { Attachment } from '../../../src-shared/documents/attachment';
import type { Id } from '../../../src-shared/domain/ids';
import type { ClearanceLetter } from '../../../src-shared/domain/session-note';
import { useT } from '../../app/i18n';
import { Dialog } from '../../app/ui/Dialog';
import { useSigner } from '../sessions/useSigner';
import { AttachDetailsForm } from './AttachDetailsForm';
import { useAttach } from './useAttach';

/**
 * "Attach clearance letter" on a finding that asks for a physician's clearance (issue 15): the
 * letter is stored with the client and the note (kind "clearance letter"), and `onAttached`
 * records it in the note's acknowledgement of the finding, with its hash.
 */
export function AttachClearanceLetter({
  clientId,
  noteId,
  title,
  letters,
  onAttached,
}: {
  clientId: Id;
  noteId: Id;
  /** The finding's title, for the button's accessible name. */
  title: string;
  letters: readonly ClearanceLetter[];
  onAttached: (letter: ClearanceLetter) => void;
}) {
  const t = useT();
  const [signer] = useSigner();
  const attach = useAttach({ clientId, sessionId: noteId, kind: 'clearance letter', addedBy: signer });
  const done = (attachment: Attachment) =>
    onAttached({ attachmentId: attachment.id, title: attachment.title, sha256: attachment.sha256 });
  return (
    <div className="clearance-letters">
      {letters.length > 0 && (
        <ul className="clearance-letter-list">
          {letters.map((letter) => (
            <li key={letter.attachmentId}>{t('documents.clearance.attached', { title: letter.title })}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        aria-label={t('documents.clearance.attachFor', { title })}
        disabled={attach.busy}
        onClick={() => void attach.choose()}
      >
        {t('documents.clearance.attach')}
      </button>
      {attach.message && (
        <p className="field-error" role="alert">
          {attach.message}
        </p>
      )}
      <Dialog title={t('documents.clearance.attach')} open={attach.pending !== null} onClose={attach.cancel}>
        {attach.pending && (
          <AttachDetailsForm
            initial={{
              ...attach.initialDetails(attach.pending),
              title: t('documents.clearance.defaultTitle', { title }).slice(0, 200),
            }}
            saveLabel={t('documents.card.attach')}
            busy={attach.busy}
            onCancel={attach.cancel}
            onSave={async (details) => {
              const added = await attach.save(details);
              if (added) done(added);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
