import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type {
  HealthHistory,
  HealthHistoryFormValues,
  HealthHistoryInput,
} from '../../../src-shared/domain/health-history';
import { setUnsavedHistory } from '../safety/unsaved-history';

export type HistorySaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** Some fields need attention: nothing is stored until they are fixed. */
  | { kind: 'invalid' }
  | { kind: 'error'; message: string };

/** What a save attempt ended in: stored (or nothing to store), refused by validation, failed. */
export type FlushResult = 'saved' | 'invalid' | 'error';

type Form = UseFormReturn<HealthHistoryFormValues, unknown, HealthHistoryInput>;

/**
 * Autosave for the health history, the way notes autosave (useAutosave): shortly after the
 * therapist stops typing (400 ms), one save at a time, always the latest values. Unlike a note
 * draft, a history is only stored whole and valid (the safety check reads it), so values that
 * fail the form's schema are not stored: the messages appear beside the fields and the state
 * says "invalid" until they are fixed. `flush` saves now (Save button, leaving the page, the
 * page being hidden). Every state is published per client (unsaved-history.ts) so the safety
 * check can refuse to present findings of a history with unsaved changes.
 */
export function useHealthHistoryAutosave(options: {
  clientId: string;
  form: Form;
  schema: z.ZodType<HealthHistoryInput, HealthHistoryFormValues>;
  save: (values: HealthHistoryInput) => Promise<HealthHistory>;
  describeError: (error: unknown) => string;
  delayMs?: number;
}) {
  const { clientId, form, schema, delayMs = 400 } = options;
  const latest = useRef(options);
  latest.current = options;
  const savedKey = useRef<string | null>(null);
  const queue = useRef<Promise<FlushResult>>(Promise.resolve('saved'));
  const [state, setState] = useState<HistorySaveState>({ kind: 'idle' });
  const stateRef = useRef(state);

  const publish = useCallback(
    (next: HistorySaveState) => {
      stateRef.current = next;
      setState(next);
      setUnsavedHistory(
        clientId,
        next.kind === 'saving' || next.kind === 'invalid'
          ? { kind: next.kind }
          : next.kind === 'error'
            ? { kind: 'error', message: next.message }
            : null,
      );
    },
    [clientId],
  );

  // What is stored now, as the schema outputs it (trimmed, '' as null): edits that only change
  // what the schema throws away are not saves.
  if (savedKey.current === null) {
    const parsed = schema.safeParse(form.formState.defaultValues);
    savedKey.current = parsed.success ? JSON.stringify(parsed.data) : '';
  }

  const flush = useCallback((): Promise<FlushResult> => {
    queue.current = queue.current.then(async () => {
      const values = form.getValues();
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        await form.trigger();
        publish({ kind: 'invalid' });
        return 'invalid';
      }
      const key = JSON.stringify(parsed.data);
      if (key === savedKey.current) {
        publish({ kind: stateRef.current.kind === 'idle' ? 'idle' : 'saved' });
        return 'saved';
      }
      try {
        await latest.current.save(parsed.data);
        savedKey.current = key;
        form.clearErrors();
        // Typed on while it was being stored: the next save follows.
        const now = schema.safeParse(form.getValues());
        if (now.success && JSON.stringify(now.data) !== key) publish({ kind: 'saving' });
        else publish({ kind: 'saved' });
        return 'saved';
      } catch (error) {
        publish({ kind: 'error', message: latest.current.describeError(error) });
        return 'error';
      }
    });
    return queue.current;
  }, [form, schema, publish]);

  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => {
    let timer: number | undefined;
    const subscription = form.watch(() => {
      window.clearTimeout(timer);
      publish({ kind: 'saving' });
      timer = window.setTimeout(() => void flushRef.current(), delayMs);
    });
    const onHide = () => void flushRef.current();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flushRef.current();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      subscription.unsubscribe();
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [form, delayMs, publish]);

  return { state, flush };
}
