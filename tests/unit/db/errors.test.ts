import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DISK_FULL_MESSAGE, describeStorageError, isQuotaError } from '../../../src-renderer/db/errors';
import { emptyClientInput } from '../../../src-shared/domain/client';
import { ValidationError } from '../../../src-shared/validation';
import { openRepositories } from './helpers';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it.each<[string, () => unknown]>([
    ['a plain DOMException', quota],
    ['Dexie’s own QuotaExceededError', () => new Dexie.QuotaExceededError('quota', quota())],
    [
      'a Dexie AbortError with the quota error inside',
      () => new Dexie.AbortError('Transaction aborted', quota()),
    ],
    [
      'an AbortError inside an AbortError',
      () => new Dexie.AbortError('outer', new Dexie.AbortError('inner', quota())),
    ],
    [
      'a BulkError with one quota failure among others',
      () => new Dexie.BulkError('bulkAdd failed', { 0: new Error('x'), 3: quota() }),
    ],
    ['an Error with the quota error as cause', () => new Error('save failed', { cause: quota() })],
    ['Firefox’s old name', () => ({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'quota' })],
    ['a DOMException with the legacy code 22', () => ({ name: 'QuotaExceededError', code: 22 })],
    ['a transaction’s error property', () => ({ name: 'AbortError', error: quota() })],
  ])('recognises %s', (_what, make) => {
    expect(isQuotaError(make())).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('The client was not saved')],
    ['a ConstraintError', new DOMException('Key already exists', 'ConstraintError')],
    ['an AbortError without a cause', new Dexie.AbortError('Transaction aborted')],
    ['a validation error', new ValidationError('The client', ['email: Enter an email'])],
    ['null', null],
    ['undefined', undefined],
    ['a string mentioning quota', 'QuotaExceededError'],
    ['a number', 22],
  ])('does not mistake %s for a full disk', (_what, error) => {
    expect(isQuotaError(error)).toBe(false);
  });

  it('survives cycles and very deep chains', () => {
    const a: Record<string, unknown> = { name: 'AbortError' };
    const b: Record<string, unknown> = { name: 'AbortError', inner: a };
    a.inner = b;
    expect(isQuotaError(a)).toBe(false);
    let deep: unknown = quota();
    for (let i = 0; i < 1_000; i++) deep = { name: 'AbortError', inner: deep };
    expect(() => isQuotaError(deep)).not.toThrow();
  });
});

describe('describeStorageError', () => {
  it('gives the therapist the full-disk message, with nothing technical', () => {
    expect(describeStorageError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(
      'The disk is full, so this could not be saved. Your draft is kept on screen; free some space and save again.',
    );
    expect(describeStorageError(quota(), 'The client was not saved')).toBe(DISK_FULL_MESSAGE);
  });

  it('speaks the app language once the app hands in its translator (issue 19)', async () => {
    // Importing the app's i18n wires its `translate` into db/errors, as at start.
    const { i18n } = await import('../../../src-renderer/app/i18n');
    await i18n.changeLanguage('de');
    try {
      expect(describeStorageError(quota(), 'Der Klient wurde nicht gespeichert')).toBe(
        'Der Datenträger ist voll, daher konnte dies nicht gespeichert werden. Ihr Entwurf bleibt auf dem Bildschirm; schaffen Sie Platz und speichern Sie erneut.',
      );
      expect(describeStorageError(new Dexie.DatabaseClosedError('closed'), 'Nicht gespeichert')).toBe(
        'Nicht gespeichert: Die Unterlagen von Stillpoint wurden unerwartet geschlossen, daher wurde dies nicht gespeichert. Kopieren Sie, was Sie vom Bildschirm brauchen, und starten Sie Stillpoint dann neu.',
      );
      expect(describeStorageError(undefined)).toBe(
        'Beim Speichern ist etwas schiefgegangen. Nichts wurde geändert; bitte versuchen Sie es noch einmal.',
      );
    } finally {
      await i18n.changeLanguage('en');
    }
    expect(describeStorageError(quota())).toBe(DISK_FULL_MESSAGE);
  });

  it('keeps the message of other errors, after the context', () => {
    expect(describeStorageError(new Error('This client no longer exists.'), 'The client was not saved')).toBe(
      'The client was not saved: This client no longer exists.',
    );
    expect(describeStorageError('odd', 'Not saved')).toBe('Not saved: odd');
    expect(describeStorageError(undefined)).toMatch(/Nothing was changed/);
  });

  it('explains a database closed underneath the form', () => {
    expect(describeStorageError(new Dexie.DatabaseClosedError('Database has been closed'))).toMatch(
      /closed unexpectedly/,
    );
  });
});

describe('a full disk during a real save (fault injected into IndexedDB)', () => {
  const originalAdd = IDBObjectStore.prototype.add;
  const originalPut = IDBObjectStore.prototype.put;
  afterEach(() => {
    IDBObjectStore.prototype.add = originalAdd;
    IDBObjectStore.prototype.put = originalPut;
  });

  it('the error the clients repository throws is recognised, and nothing was half-written', async () => {
    const { db, clients } = openRepositories();
    await db.open();
    let calls = 0;
    // The first write of the transaction succeeds, the second finds the disk full.
    IDBObjectStore.prototype.add = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      calls += 1;
      if (calls === 2) throw quota();
      return originalAdd.apply(this, args);
    };
    const failure = await clients
      .create({ ...emptyClientInput(), firstName: 'Ada', lastName: 'Lovelace' })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(calls).toBe(2);
    expect(failure).not.toBeNull();
    expect(isQuotaError(failure)).toBe(true);
    expect(describeStorageError(failure, 'The client was not saved')).toBe(DISK_FULL_MESSAGE);
    // One transaction: the client row written before the failure was rolled back.
    IDBObjectStore.prototype.add = originalAdd;
    expect(await db.clients.count()).toBe(0);
    expect(await db.healthHistories.count()).toBe(0);
  });

  it('a full disk on an update is recognised too, and the stored client is unchanged', async () => {
    const { db, clients } = openRepositories();
    const saved = await clients.create({ ...emptyClientInput(), firstName: 'Ada', lastName: 'Lovelace' });
    IDBObjectStore.prototype.put = () => {
      throw quota();
    };
    const failure = await clients
      .update(saved.id, { ...emptyClientInput(), firstName: 'Ada', lastName: 'King' })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isQuotaError(failure)).toBe(true);
    IDBObjectStore.prototype.put = originalPut;
    expect((await clients.get(saved.id))?.lastName).toBe('Lovelace');
    db.close();
  });
});
