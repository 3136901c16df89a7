import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import { type SessionDraft, signingProblems } from '../../../src-shared/domain/session-note';
import { issueLine } from '../../../src-shared/i18n/field-messages';
import { ValidationError } from '../../../src-shared/validation';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { type Shortcut, shortcutLabel, useShortcuts } from '../../app/shortcuts';
import { Dialog } from '../../app/ui/Dialog';
import { DraftDocumentsCard } from '../documents/DraftDocumentsCard';
import { usePageDrop } from '../documents/page-drop';
import { UpdateSuggestion } from '../intake/UpdateSuggestion';
import { SessionOutcomesCard } from '../outcomes/SessionOutcomesCard';
import { AfterEffectsCard } from './AfterEffectsCard';
import { AfterSessionCard } from './AfterSessionCard';
import { AuditLog } from './AuditLog';
import { BeforeSessionCard } from './BeforeSessionCard';
import { DraftContext, useStoreValue } from './draft-context';
import { visibleProblems } from './draft-edits';
import { draftJournal } from './draft-journal';
import { createDraftStore, type DraftStore, sameErrors } from './draft-store';
import { LastSessionCard } from './LastSessionCard';
import { focusFirstThingToDo, isNewDraft } from './new-draft-focus';
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
/** Messages beside the fields are refreshed this long after the last change. */
const CHECK_AFTER_MS = 300;

function hasContent(draft: SessionDraft): boolean {
  return draft.chiefComplaint.trim() !== '' || draft.treatedAreas.length > 0 || draft.plan.trim() !== '';
}

/** Problems that stop signing, and the part of them to show beside the fields now. */
function check(
  store: DraftStore,
  by: string,
  signAttempted: boolean,
  dateOfBirth: string | null,
): Record<string, string> {
  const draft = store.get();
  const problems = signingProblems(draft, { by, now: new Date(), dateOfBirth });
  store.setErrors(visibleProblems(problems, draft, signAttempted));
  return problems;
}

/**
 * The draft note editor. The draft lives in a store owned by this component (draft-store), read
 * slice by slice by the sections, so a keystroke re-renders only the section it changes; it
 * saves itself (useAutosave) as the therapist types. The messages beside the fields are
 * refreshed after a short pause in typing; it is validated strictly when "Sign note" is pressed,
 * and a refusal leaves it exactly as typed.
 */
export function SessionEditor({ client, initial }: { client: Client; initial: SessionDraft }) {
  const t = useT();
  const [store] = useState(() => createDraftStore(initial));
  // A photo dropped anywhere on the draft is attached to this session (the documents card takes it).
  const drop = usePageDrop(t('documents.drop.toNote'));
  // Read once: "New session" marks the draft only until the first thing to do is focused.
  const [startedNow] = useState(() => isNewDraft(initial.id));
  const update = store.update;
  const save = useCallback((note: SessionDraft) => repositories().sessions.saveDraft(note), []);
  const { state, flush } = useAutosave(store, save, { journal: draftJournal() });

  const [signer, setSigner] = useSigner();
  const [signAttempted, setSignAttempted] = useState(false);
  const dateOfBirth = client.dateOfBirth;
  const [problems, setProblems] = useState(() => check(store, signer, false, dateOfBirth));
  const [signing, setSigning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmCopy, setConfirmCopy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const pageRef = useRef<HTMLElement>(null);
  const onSafetyChecked = useCallback(() => {
    const page = pageRef.current;
    if (page) requestAnimationFrame(() => focusFirstThingToDo(store.get().id, page));
  }, [store]);

  // Checking the whole note is quick but not free: not on every keystroke, but once typing
  // pauses, and at once when the signer changes or "Sign note" was pressed.
  const recheck = useCallback(() => {
    const found = check(store, signer, signAttempted, dateOfBirth);
    setProblems((current) => (sameErrors(current, found) ? current : found));
  }, [store, signer, signAttempted, dateOfBirth]);
  useEffect(() => {
    recheck();
    let timer: number | undefined;
    const unsubscribe = store.subscribe(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(recheck, CHECK_AFTER_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [store, recheck]);

  const id = useStoreValue(store, (d) => d.id);
  const clientId = useStoreValue(store, (d) => d.clientId);
  const serviceDate = useStoreValue(store, (d) => d.serviceDate);
  const sessionNumber = useStoreValue(store, (d) => d.sessionNumber);
  const hasPrevious = useLiveQuery(
    async () =>
      Boolean(await repositories().sessions.previousSession({ id, clientId, serviceDate, sessionNumber })),
    [id, clientId, serviceDate, sessionNumber],
  );

  const shortcuts = useMemo<Shortcut[]>(
    () => [
      {
        keys: ADD_AREA_KEYS,
        description: t('sessions.editor.shortcutAddArea'),
        run: () => {
          const filter = filterRef.current;
          if (!filter) return;
          // Focus alone scrolls the box just into view, at the window's bottom edge with the
          // list below it hidden; bring the whole picker to the middle instead.
          filter.focus({ preventScroll: true });
          (filter.closest('.region-picker') ?? filter).scrollIntoView({ block: 'center' });
        },
      },
      { keys: 'mod+s', description: t('sessions.editor.shortcutSave'), run: () => void flush() },
    ],
    [flush, t],
  );
  useShortcuts(shortcuts);

  // `name`: the signer just typed in the "Who is signing?" prompt, before the state has caught up.
  const sign = async (name = signer) => {
    setSignAttempted(true);
    setFailure(null);
    if (!(await flush())) {
      setFailure(t('sessions.editor.saveFailed'));
      return;
    }
    const found = check(store, name, true, dateOfBirth);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSigning(true);
    try {
      await repositories().sessions.sign(store.get().id, name);
      await rememberSigner(name);
    } catch (error) {
      setFailure(
        t('sessions.editor.notSigned', {
          reason:
            error instanceof ValidationError
              ? error.issues.map((line) => issueLine(t, line)).join('; ')
              : error instanceof Error
                ? error.message
                : String(error),
        }),
      );
    } finally {
      setSigning(false);
    }
  };

  const copyFromLast = async () => {
    setConfirmCopy(false);
    const copied = await repositories().sessions.draftCopiedFromPrevious(store.get());
    if (copied) update(() => copied);
  };

  const deleteDraft = async () => {
    try {
      await repositories().sessions.deleteDraft(id);
      navigate({ name: 'client', clientId: client.id });
    } catch (error) {
      setConfirmDelete(false);
      setFailure(
        t('sessions.editor.notDeleted', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  return (
    <DraftContext.Provider value={store}>
      <article
        ref={pageRef}
        className="page session-page page-drop-zone"
        aria-labelledby="session-title"
        {...drop.handlers}
      >
        {drop.overlay}
        <nav aria-label={t('sessions.common.breadcrumb')} className="breadcrumb">
          <a href="#/clients">{t('sessions.common.clients')}</a> <span aria-hidden="true">›</span>{' '}
          <a href={`#/clients/${encodeURIComponent(client.id)}`}>{clientDisplayName(client)}</a>{' '}
          <span aria-hidden="true">›</span>{' '}
          {t('sessions.common.sessionNumber', { number: sessionNumber ?? '' })}
        </nav>
        <header className="page-header session-header">
          <div>
            <h1 id="session-title">
              {t('sessions.common.sessionNumber', { number: sessionNumber ?? '' })}{' '}
              <span className="tag status-draft">{t('sessions.common.draft')}</span>
            </h1>
            <p className="subtitle">{clientDisplayName(client)}</p>
          </div>
          <div className="button-row">
            <SaveStatus state={state} />
            <button
              type="button"
              disabled={!hasPrevious}
              title={hasPrevious ? undefined : t('sessions.editor.noEarlierSession')}
              onClick={() => (hasContent(store.get()) ? setConfirmCopy(true) : void copyFromLast())}
            >
              {t('sessions.editor.copyFromLast')}
            </button>
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              {t('sessions.editor.deleteDraft')}
            </button>
          </div>
        </header>

        <SessionDetails dateOfBirth={dateOfBirth} />
        {/* One column; in a wide window the safety check and the last session stand beside the
            note (sessions.css). The safety check stays first in the Tab order either way. */}
        <div className="session-columns">
          <div className="session-aside">
            <SafetyCheckCard client={client} onChecked={onSafetyChecked} />
            <LastSessionCard />
          </div>
          <div className="session-main">
            {/* Just above the chief complaint, where "New session" puts the cursor and the view. */}
            {startedNow && <UpdateSuggestion client={client} />}
            <BeforeSessionCard />
            <AfterEffectsCard />
            <SessionOutcomesCard />
            <RhythmCard />
            <TreatedAreasCard
              filterRef={filterRef}
              shortcut={shortcutLabel(ADD_AREA_KEYS).replace('shift', 'Shift')}
            />
            <SensationsCard />
            <AfterSessionCard />
            {drop.provide(<DraftDocumentsCard clientId={client.id} sessionId={id} />)}
            <SignPanel
              signer={signer}
              onSignerChange={setSigner}
              onSignerCommit={(name) => void rememberSigner(name)}
              problems={problems}
              showProblems={signAttempted}
              busy={signing}
              failure={failure}
              onSign={(name) => void sign(name)}
              summaryRef={summaryRef}
            />
            <AuditLog noteId={id} />
          </div>
        </div>

        <Dialog
          title={t('sessions.editor.copyTitle')}
          open={confirmCopy}
          onClose={() => setConfirmCopy(false)}
        >
          <p>{t('sessions.editor.copyText')}</p>
          <div className="button-row dialog-actions">
            <button type="button" onClick={() => setConfirmCopy(false)}>
              {t('sessions.common.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void copyFromLast()}>
              {t('sessions.editor.replaceWithLast')}
            </button>
          </div>
        </Dialog>
        <Dialog
          title={t('sessions.editor.deleteTitle')}
          open={confirmDelete}
          onClose={() => setConfirmDelete(false)}
        >
          <p>{t('sessions.editor.deleteText')}</p>
          <div className="button-row dialog-actions">
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('sessions.editor.keepDraft')}
            </button>
            <button type="button" className="danger solid" onClick={() => void deleteDraft()}>
              {t('sessions.editor.deleteConfirm')}
            </button>
          </div>
        </Dialog>
      </article>
    </DraftContext.Provider>
  );
}
