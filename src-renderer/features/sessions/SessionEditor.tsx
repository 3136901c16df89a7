import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import { type SessionDraft, signingProblems } from '../../../src-shared/domain/session-note';
import { ValidationError } from '../../../src-shared/validation';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { type Shortcut, shortcutLabel, useShortcuts } from '../../app/shortcuts';
import { Dialog } from '../../app/ui/Dialog';
import { AfterEffectsCard } from './AfterEffectsCard';
import { AfterSessionCard } from './AfterSessionCard';
import { AuditLog } from './AuditLog';
import { BeforeSessionCard } from './BeforeSessionCard';
import { DraftContext, type DraftRecipe } from './draft-context';
import { visibleProblems } from './draft-edits';
import { RhythmCard } from './RhythmCard';
import { SafetyCheckCard } from './SafetyCheckCard';
import { SaveStatus } from './SaveStatus';
import { SensationsCard } from './SensationsCard';
import { SessionDetails } from './SessionDetails';
import { SignPanel } from './SignPanel';
import { TreatedAreasCard } from './TreatedAreasCard';
import { useAutosave } from './useAutosave';
import { rememberSigner, useSigner } from './useSigner';
import './sessions.css';

const ADD_AREA_KEYS = 'mod+shift+a';

function hasContent(draft: SessionDraft): boolean {
  return draft.chiefComplaint.trim() !== '' || draft.treatedAreas.length > 0 || draft.plan.trim() !== '';
}

/**
 * The draft note editor. The draft lives in this component and saves itself (useAutosave) as the
 * therapist types; it is validated strictly only when "Sign note" is pressed, and a refusal
 * leaves it exactly as typed.
 */
export function SessionEditor({ client, initial }: { client: Client; initial: SessionDraft }) {
  const [draft, setDraft] = useState(initial);
  const latest = useRef(draft);
  latest.current = draft;
  const update = useCallback((recipe: DraftRecipe) => setDraft((current) => recipe(current)), []);
  const save = useCallback((note: SessionDraft) => repositories().sessions.saveDraft(note), []);
  const { state, flush } = useAutosave(draft, save);

  const [signer, setSigner] = useSigner();
  const [signAttempted, setSignAttempted] = useState(false);
  const [signing, setSigning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmCopy, setConfirmCopy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  // Checking is quick but not free: let typing win, then refresh the messages.
  const checked = useDeferredValue(draft);
  const problems = useMemo(
    () => signingProblems(checked, { by: signer, now: new Date() }),
    [checked, signer],
  );
  const errors = useMemo(
    () => visibleProblems(problems, draft, signAttempted),
    [problems, draft, signAttempted],
  );
  const context = useMemo(() => ({ draft, update, errors }), [draft, update, errors]);

  const { id, clientId, serviceDate, sessionNumber } = draft;
  const hasPrevious = useLiveQuery(
    async () =>
      Boolean(await repositories().sessions.previousSession({ id, clientId, serviceDate, sessionNumber })),
    [id, clientId, serviceDate, sessionNumber],
  );

  const shortcuts = useMemo<Shortcut[]>(
    () => [
      { keys: ADD_AREA_KEYS, description: 'Add a treated area', run: () => filterRef.current?.focus() },
      { keys: 'mod+s', description: 'Save the draft now', run: () => void flush() },
    ],
    [flush],
  );
  useShortcuts(shortcuts);

  const sign = async () => {
    setSignAttempted(true);
    setFailure(null);
    if (!(await flush())) {
      setFailure('The draft could not be saved, so it was not signed. Your text is kept on screen.');
      return;
    }
    const found = signingProblems(latest.current, { by: signer, now: new Date() });
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSigning(true);
    try {
      await repositories().sessions.sign(latest.current.id, signer);
      await rememberSigner(signer);
    } catch (error) {
      setFailure(
        error instanceof ValidationError
          ? `Not signed: ${error.issues.join('; ')}`
          : `Not signed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setSigning(false);
    }
  };

  const copyFromLast = async () => {
    setConfirmCopy(false);
    const copied = await repositories().sessions.draftCopiedFromPrevious(latest.current);
    if (copied) update(() => copied);
  };

  const deleteDraft = async () => {
    try {
      await repositories().sessions.deleteDraft(draft.id);
      navigate({ name: 'client', clientId: client.id });
    } catch (error) {
      setConfirmDelete(false);
      setFailure(`Not deleted: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <DraftContext.Provider value={context}>
      <article className="page session-page" aria-labelledby="session-title">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <a href="#/clients">Clients</a> <span aria-hidden="true">›</span>{' '}
          <a href={`#/clients/${encodeURIComponent(client.id)}`}>{clientDisplayName(client)}</a>{' '}
          <span aria-hidden="true">›</span> Session {draft.sessionNumber ?? ''}
        </nav>
        <header className="page-header session-header">
          <div>
            <h1 id="session-title">
              Session {draft.sessionNumber ?? ''} <span className="tag status-draft">Draft</span>
            </h1>
            <p className="subtitle">{clientDisplayName(client)}</p>
          </div>
          <div className="button-row">
            <SaveStatus state={state} />
            <button
              type="button"
              disabled={!hasPrevious}
              title={hasPrevious ? undefined : 'There is no earlier session to copy'}
              onClick={() => (hasContent(latest.current) ? setConfirmCopy(true) : void copyFromLast())}
            >
              Copy from last session
            </button>
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              Delete draft
            </button>
          </div>
        </header>

        <SessionDetails />
        <SafetyCheckCard client={client} />
        <BeforeSessionCard />
        <AfterEffectsCard />
        <RhythmCard />
        <TreatedAreasCard
          filterRef={filterRef}
          shortcut={shortcutLabel(ADD_AREA_KEYS).replace('shift', 'Shift')}
        />
        <SensationsCard />
        <AfterSessionCard />
        <SignPanel
          draft={draft}
          signer={signer}
          onSignerChange={setSigner}
          onSignerCommit={(name) => void rememberSigner(name)}
          problems={problems}
          showProblems={signAttempted}
          busy={signing}
          failure={failure}
          onSign={() => void sign()}
          summaryRef={summaryRef}
        />
        <AuditLog noteId={draft.id} />

        <Dialog title="Copy from last session?" open={confirmCopy} onClose={() => setConfirmCopy(false)}>
          <p>
            This replaces the chief complaint, treated areas, palpation site and plan written so far with
            those of the previous note. Scores and findings start empty.
          </p>
          <div className="button-row dialog-actions">
            <button type="button" onClick={() => setConfirmCopy(false)}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void copyFromLast()}>
              Replace with last session
            </button>
          </div>
        </Dialog>
        <Dialog title="Delete this draft?" open={confirmDelete} onClose={() => setConfirmDelete(false)}>
          <p>The draft and everything written in it are removed. Signed notes are never deleted.</p>
          <div className="button-row dialog-actions">
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Keep the draft
            </button>
            <button type="button" className="danger solid" onClick={() => void deleteDraft()}>
              Delete the draft
            </button>
          </div>
        </Dialog>
      </article>
    </DraftContext.Provider>
  );
}
