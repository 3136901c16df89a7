import { describe, expect, it } from 'vitest';
import {
  DEMO_TODAY,
  generatePracticeAll,
  generatePracticeBatches,
  generatePracticeClient,
  PRACTICE_TABLES,
  type PracticeOptions,
  practiceInfo,
} from '../../../src-shared/demo';
import { AuditEntrySchema } from '../../../src-shared/domain/audit';
import { BODY_REGIONS } from '../../../src-shared/domain/body-regions';
import { ClientSchema, clientSortName } from '../../../src-shared/domain/client';
import { HealthHistorySchema } from '../../../src-shared/domain/health-history';
import {
  AfterEffectReportSchema,
  makeSessionNoteInputSchema,
  SessionNoteSchema,
  StoredSessionNoteSchema,
} from '../../../src-shared/domain/session-note';
import { TECHNIQUES } from '../../../src-shared/domain/techniques';
import { activeFindings, evaluateContraindications } from '../../../src-shared/safety/evaluate';

const OPTIONS: PracticeOptions = { seed: 42, clients: 50 };
const practice = generatePracticeAll(OPTIONS);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function firstIssue(
  schema: { safeParse(value: unknown): { success: boolean; error?: unknown } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success ? null : JSON.stringify(result.error).slice(0, 400);
}

describe('determinism', () => {
  it('gives identical records for the same seed and options', () => {
    expect(generatePracticeAll(OPTIONS)).toEqual(practice);
  });

  it('gives different records for a different seed', () => {
    const other = generatePracticeAll({ ...OPTIONS, seed: 43 });
    expect(other.clients[0]?.id).not.toBe(practice.clients[0]?.id);
    expect(other.clients.map((c) => c.lastName)).not.toEqual(practice.clients.map((c) => c.lastName));
  });

  it('does not depend on the batch size', () => {
    const merged: Record<string, unknown[]> = {};
    for (const batch of generatePracticeBatches(OPTIONS, 7)) {
      for (const table of PRACTICE_TABLES) merged[table] = [...(merged[table] ?? []), ...batch[table]];
    }
    expect(merged).toEqual(practice);
  });

  it('generates one client alone exactly as in the whole practice', () => {
    const records = generatePracticeClient(OPTIONS, 17);
    expect(records.client).toEqual(practice.clients[17]);
    expect(records.sessions).toEqual(practice.sessions.filter((s) => s.clientId === records.client.id));
  });
});

describe('validity', () => {
  it('every client passes ClientSchema unchanged', () => {
    for (const client of practice.clients) {
      expect(firstIssue(ClientSchema, client), client.id).toBeNull();
      expect(ClientSchema.parse(client)).toEqual(client);
    }
  });

  it('every health history passes HealthHistorySchema unchanged', () => {
    for (const history of practice.healthHistories) {
      expect(firstIssue(HealthHistorySchema, history), history.clientId).toBeNull();
      expect(HealthHistorySchema.parse(history)).toEqual(history);
    }
  });

  it('every note passes the strict and the stored schemas, and no date is after today', () => {
    const notInFuture = makeSessionNoteInputSchema(DEMO_TODAY);
    for (const note of practice.sessions) {
      expect(firstIssue(SessionNoteSchema, note), note.id).toBeNull();
      expect(firstIssue(StoredSessionNoteSchema, note), note.id).toBeNull();
      expect(firstIssue(notInFuture, note), note.id).toBeNull();
      expect(SessionNoteSchema.parse(note)).toEqual(note);
    }
  });

  it('every after-effect and audit entry passes its schema', () => {
    for (const report of practice.afterEffects) {
      expect(firstIssue(AfterEffectReportSchema, report), report.id).toBeNull();
    }
    for (const entry of practice.auditLog) expect(firstIssue(AuditEntrySchema, entry), entry.id).toBeNull();
  });

  it('uses UUID v4 ids, all distinct', () => {
    const ids = [
      ...practice.clients.map((c) => c.id),
      ...practice.sessions.map((s) => s.id),
      ...practice.sessions.flatMap((s) => s.treatedAreas.map((a) => a.id)),
      ...practice.sessions.flatMap((s) => s.addenda.map((a) => a.id)),
      ...practice.afterEffects.map((r) => r.id),
      ...practice.auditLog.map((e) => e.id),
      ...practice.healthHistories.flatMap((h) => [
        ...h.conditions.map((c) => c.id),
        ...h.medications.map((m) => m.id),
        ...h.surgeries.map((s) => s.id),
        ...h.headInjuries.map((i) => i.id),
        ...h.clearances.map((c) => c.id),
      ]),
    ];
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every timestamp on or before the end of today', () => {
    const end = `${DEMO_TODAY}T23:59:59.999Z`;
    const stamps = [
      ...practice.clients.flatMap((c) => [c.createdAt, c.updatedAt]),
      ...practice.healthHistories.map((h) => h.updatedAt),
      ...practice.sessions.flatMap((s) => [s.createdAt, s.updatedAt, s.signedAt ?? s.createdAt]),
      ...practice.afterEffects.map((r) => r.reportedAt),
      ...practice.auditLog.map((e) => e.at),
    ];
    expect(stamps.filter((stamp) => stamp > end)).toEqual([]);
  });
});

describe('shape of the practice', () => {
  it('has the requested clients and about the requested sessions per client', () => {
    expect(practice.clients).toHaveLength(50);
    expect(practice.healthHistories).toHaveLength(50);
    const mean = practice.sessions.length / practice.clients.length;
    expect(mean).toBeGreaterThan(14);
    expect(mean).toBeLessThan(26);
    const sized = generatePracticeAll({ seed: 7, clients: 200, sessionsPerClient: 5, busyClients: 0 });
    expect(sized.sessions.length / 200).toBeGreaterThan(4);
    expect(sized.sessions.length / 200).toBeLessThan(6);
  });

  it('gives the busy client about 200 sessions, found by practiceInfo', () => {
    const info = practiceInfo(OPTIONS);
    expect(info.busyClientIds).toHaveLength(1);
    const busy = practice.sessions.filter((s) => s.clientId === info.busyClientId);
    expect(busy.length).toBeGreaterThanOrEqual(190);
    expect(busy.length).toBeLessThanOrEqual(210);
    const counts = new Map<string, number>();
    for (const note of practice.sessions) counts.set(note.clientId, (counts.get(note.clientId) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBe(busy.length);
    // Busy clients on request, with the number of sessions asked for.
    const requested = practiceInfo({ seed: 1, clients: 30, busyClients: 3, busyClientSessions: 120 });
    expect(requested.busyClientIds).toHaveLength(3);
    const records = generatePracticeClient(
      { seed: 1, clients: 30, busyClients: 3, busyClientSessions: 120 },
      requested.busyClientIndexes[2]!,
    );
    expect(records.client.id).toBe(requested.busyClientIds[2]);
    expect(records.sessions).toHaveLength(120);
  });

  it('names clients in several scripts, accented Latin included', () => {
    const names = generatePracticeAll({ seed: 3, clients: 400, sessionsPerClient: 1 }).clients.map((c) =>
      clientSortName(c),
    );
    const all = names.join(' ');
    expect(all).toMatch(/\p{Script=Greek}/u);
    expect(all).toMatch(/\p{Script=Cyrillic}/u);
    expect(all).toMatch(/[À-ɏ]/u); // accented Latin
    expect(names.filter((n) => /^[\p{Script=Latin}\s,.'’()-]+$/u.test(n)).length).toBeGreaterThan(
      names.length / 2,
    );
  });

  it("sets lastVisitAt to each client's latest session date", () => {
    const latest = new Map<string, string>();
    for (const note of practice.sessions) {
      if ((latest.get(note.clientId) ?? '') < note.serviceDate) latest.set(note.clientId, note.serviceDate);
    }
    for (const client of practice.clients) expect(client.lastVisitAt).toBe(latest.get(client.id) ?? null);
  });

  it('numbers sessions in date order and keeps drafts to the newest notes', () => {
    const byClient = new Map<string, typeof practice.sessions>();
    for (const note of practice.sessions)
      byClient.set(note.clientId, [...(byClient.get(note.clientId) ?? []), note]);
    for (const notes of byClient.values()) {
      notes.forEach((note, i) => {
        expect(note.sessionNumber).toBe(i + 1);
        if (i > 0) expect(note.serviceDate >= notes[i - 1]!.serviceDate).toBe(true);
      });
      const drafts = notes.filter((n) => n.status === 'draft');
      expect(drafts.length).toBeLessThanOrEqual(2);
      for (const draft of drafts) expect(draft.sessionNumber).toBeGreaterThan(notes.length - 2);
    }
    const signed = practice.sessions.filter((n) => n.status === 'signed').length;
    expect(signed / practice.sessions.length).toBeGreaterThan(0.9);
  });

  it('treats 5 to 15 known areas per note with sides on paired regions', () => {
    const regions = new Map(BODY_REGIONS.map((r) => [r.id, r]));
    const techniqueIds = new Set(TECHNIQUES.map((t) => t.id));
    let custom = 0;
    for (const note of practice.sessions) {
      expect(note.treatedAreas.length).toBeGreaterThanOrEqual(5);
      expect(note.treatedAreas.length).toBeLessThanOrEqual(15);
      for (const area of note.treatedAreas) {
        const region = regions.get(area.regionId);
        expect(region, area.regionId).toBeDefined();
        expect(area.side === null).toBe(!region?.bilateral);
        expect(area.techniques.length).toBeGreaterThan(0);
        custom += area.techniques.filter((t) => !techniqueIds.has(t)).length;
      }
      if (note.rhythm.rateCpm !== null) {
        expect(note.rhythm.rateCpm).toBeGreaterThanOrEqual(3);
        expect(note.rhythm.rateCpm).toBeLessThanOrEqual(16);
      }
    }
    expect(custom).toBeGreaterThan(0);
  });

  it('adds addenda, after-effects and audit entries in realistic proportions', () => {
    const big = generatePracticeAll({ seed: 11, clients: 150 });
    const signed = big.sessions.filter((s) => s.status === 'signed');
    const withAddenda = signed.filter((s) => s.addenda.length > 0).length / signed.length;
    expect(withAddenda).toBeGreaterThan(0.015);
    expect(withAddenda).toBeLessThan(0.05);
    const followed = new Set(big.afterEffects.map((r) => r.sessionId)).size / big.sessions.length;
    expect(followed).toBeGreaterThan(0.1);
    expect(followed).toBeLessThan(0.2);

    const actions = new Map<string, string[]>();
    for (const entry of big.auditLog)
      actions.set(entry.noteId, [...(actions.get(entry.noteId) ?? []), entry.action]);
    for (const note of big.sessions) {
      const list = actions.get(note.id) ?? [];
      expect(list[0]).toBe('created');
      expect(list.includes('signed')).toBe(note.status === 'signed');
      expect(list.filter((a) => a === 'addendum')).toHaveLength(note.addenda.length);
    }
    const sessionIds = new Set(big.sessions.map((s) => s.id));
    for (const report of big.afterEffects) {
      expect(sessionIds.has(report.sessionId)).toBe(true);
      if (report.reportedInSessionId !== null) expect(sessionIds.has(report.reportedInSessionId)).toBe(true);
    }
  });

  it('records health histories that raise safety findings, acknowledged in the notes', () => {
    const big = generatePracticeAll({ seed: 5, clients: 400, sessionsPerClient: 4 });
    const empty = big.healthHistories.filter(
      (h) => h.conditions.length + h.medications.length + h.surgeries.length + h.headInjuries.length === 0,
    ).length;
    expect(empty / big.healthHistories.length).toBeGreaterThan(0.3);
    const dobs = new Map(big.clients.map((c) => [c.id, c.dateOfBirth]));
    const severities = new Set<string>();
    for (const history of big.healthHistories) {
      const findings = activeFindings(
        evaluateContraindications(history, {
          today: DEMO_TODAY,
          dateOfBirth: dobs.get(history.clientId) ?? null,
        }),
      );
      for (const finding of findings) severities.add(finding.severity);
    }
    expect([...severities].sort()).toEqual(['AVOID', 'CAUTION', 'CLEARANCE', 'MODIFY']);
    const inNotes = big.sessions.flatMap((s) => s.safetyCheck.findings);
    expect(inNotes.length).toBeGreaterThan(0);
    expect(inNotes.every((f) => f.acknowledged)).toBe(true);
    const years = big.clients.flatMap((c) => (c.dateOfBirth ? [Number(c.dateOfBirth.slice(0, 4))] : []));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1940);
    expect(big.clients.some((c) => c.dateOfBirth !== null && c.dateOfBirth > '2024-11-26')).toBe(true);
  });
});
