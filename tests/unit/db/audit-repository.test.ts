import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AuditRepository } from '../../../src-renderer/db/audit-repository';
import { addClient, filledIn, openRepositories } from './helpers';

describe('audit repository', () => {
  it('is append-only: it has no method to change or remove an entry', () => {
    const methods = Object.getOwnPropertyNames(AuditRepository.prototype).filter(
      (name) => name !== 'constructor',
    );
    expect(methods.sort()).toEqual(['append', 'appendMany', 'listForClient', 'listForNote']);
  });

  it('entries accumulate in order: created, signed, addendum, then what other features append', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft(filledIn(draft));
    await repos.sessions.saveDraft({ ...filledIn(draft), plan: 'Every two weeks' });
    await repos.sessions.sign(draft.id, 'Anna Therapist');
    await repos.sessions.addAddendum(draft.id, {
      text: 'Late entry text',
      reason: 'Late entry',
      author: 'Anna',
    });
    await repos.audit.append({
      noteId: draft.id,
      clientId: client.id,
      action: 'printed',
      detail: 'Aftercare',
    });
    await repos.audit.append({
      noteId: draft.id,
      clientId: client.id,
      action: 'pdf-saved',
      detail: 'note.pdf',
    });

    const log = await repos.audit.listForNote(draft.id);
    // Autosaves are not audit events; the note's life is.
    expect(log.map((e) => e.action)).toEqual(['created', 'signed', 'addendum', 'printed', 'pdf-saved']);
    expect(log.every((e) => e.clientId === client.id && e.noteId === draft.id)).toBe(true);
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
    expect((await repos.audit.listForClient(client.id)).length).toBe(5);
  });

  it('an entry written with a note is undone with it: a failed sign leaves no "signed" entry', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    await expect(repos.sessions.sign(draft.id, 'Anna')).rejects.toThrow();
    expect((await repos.audit.listForNote(draft.id)).map((e) => e.action)).toEqual(['created']);
  });

  it('validates what it appends', async () => {
    const repos = openRepositories();
    await expect(
      repos.audit.append({ noteId: 'n', clientId: 'c', action: 'deleted' as never }),
    ).rejects.toThrow('Audit entry');
    expect(await repos.db.auditLog.count()).toBe(0);
  });
});
