import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SESSION_NOTE_MESSAGES } from '../../../src-shared/domain/session-note';
import { ValidationError } from '../../../src-shared/validation';
import { addClient, filledIn, openRepositories } from './helpers';

const TIREDNESS = {
  type: 'tiredness',
  onsetHours: 2,
  durationHours: 24,
  severity: 'mild' as const,
  resolved: true,
  notes: 'Slept early',
};

async function twoSessions() {
  const repos = openRepositories();
  const client = await addClient(repos.clients);
  const first = await repos.sessions.createDraft(client.id);
  await repos.sessions.saveDraft({ ...filledIn(first), serviceDate: '2025-02-25' });
  await repos.sessions.sign(first.id, 'Anna Therapist');
  const second = await repos.sessions.createDraft(client.id);
  return { repos, client, first, second };
}

describe('after-effects repository', () => {
  it('saves what the client reports at the next session against the previous session', async () => {
    const { repos, client, first, second } = await twoSessions();
    const previous = await repos.sessions.previousSession(second);
    expect(previous?.id).toBe(first.id);
    const report = await repos.afterEffects.report(previous!.id, TIREDNESS, second.id);
    expect(report).toMatchObject({
      sessionId: first.id,
      clientId: client.id,
      reportedInSessionId: second.id,
    });
    expect((await repos.afterEffects.listForSession(first.id)).map((r) => r.type)).toEqual(['tiredness']);
    expect((await repos.afterEffects.listReportedIn(second)).map((r) => r.id)).toEqual([report.id]);
    expect(await repos.afterEffects.listForSession(second.id)).toEqual([]);
    // The signed note it followed is untouched.
    expect((await repos.sessions.get(first.id))?.status).toBe('signed');
    expect((await repos.audit.listForNote(first.id)).map((e) => e.action)).toEqual(['created', 'signed']);
  });

  it('refuses bad input with a message per field and saves nothing', async () => {
    const { repos, first, second } = await twoSessions();
    const error = (await repos.afterEffects
      .report(first.id, { ...TIREDNESS, type: '', onsetHours: -1, severity: 'awful' as never }, second.id)
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        `type: ${SESSION_NOTE_MESSAGES.afterEffectType}`,
        `onsetHours: ${SESSION_NOTE_MESSAGES.onset}`,
        `severity: ${SESSION_NOTE_MESSAGES.severity}`,
      ]),
    );
    expect(await repos.db.afterEffects.count()).toBe(0);
  });

  it('refuses a report about the same session, a missing session, or into a signed note', async () => {
    const { repos, first, second } = await twoSessions();
    await expect(repos.afterEffects.report(second.id, TIREDNESS, second.id)).rejects.toThrow(
      SESSION_NOTE_MESSAGES.reportedLater,
    );
    await expect(repos.afterEffects.report('missing', TIREDNESS, second.id)).rejects.toThrow(
      'no longer exists',
    );
    await expect(repos.afterEffects.report(second.id, TIREDNESS, first.id)).rejects.toThrow('signed');
    expect(await repos.db.afterEffects.count()).toBe(0);
    // A phone call after the session: reported outside any note.
    const phoned = await repos.afterEffects.report(first.id, TIREDNESS, null);
    expect(phoned.reportedInSessionId).toBeNull();
  });

  it('keeps reports when the draft they were given in is deleted, and keeps a reported-on session', async () => {
    const { repos, first, second } = await twoSessions();
    const report = await repos.afterEffects.report(first.id, TIREDNESS, second.id);
    await repos.sessions.deleteDraft(second.id);
    const [kept] = await repos.afterEffects.listForSession(first.id);
    expect(kept?.id).toBe(report.id);
    expect(kept?.reportedInSessionId).toBeNull();

    const third = await repos.sessions.createDraft(first.clientId);
    const fourth = await repos.sessions.createDraft(first.clientId);
    await repos.afterEffects.report(third.id, TIREDNESS, fourth.id);
    await expect(repos.sessions.deleteDraft(third.id)).rejects.toThrow('After-effects were reported');
    expect(await repos.sessions.get(third.id)).toBeDefined();
  });

  it('removes a mistaken report from a draft, never one a signed note records', async () => {
    const { repos, first, second } = await twoSessions();
    const report = await repos.afterEffects.report(first.id, TIREDNESS, second.id);
    await repos.afterEffects.remove(report.id);
    expect(await repos.afterEffects.listForSession(first.id)).toEqual([]);

    const kept = await repos.afterEffects.report(first.id, TIREDNESS, second.id);
    await repos.sessions.saveDraft({ ...filledIn(second), serviceDate: '2025-03-04' });
    await repos.sessions.sign(second.id, 'Anna Therapist');
    await expect(repos.afterEffects.remove(kept.id)).rejects.toThrow('signed note');
    expect((await repos.afterEffects.listForSession(first.id)).map((r) => r.id)).toEqual([kept.id]);
  });
});
