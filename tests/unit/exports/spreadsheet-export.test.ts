import { HealthHistoryRepository } from '../../../src-renderer/db/health-history-repository';
import { PracticePagesReader } from '../../../src-renderer/db/practice-pages';
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { existingClientKeys, importClients } from '../../../src-renderer/features/exports/import-clients';
import {
  buildSpreadsheetFiles,
  ExportCancelledError,
  type SpreadsheetProgress,
} from '../../../src-renderer/features/exports/spreadsheet-export';
import { emptyClientInput } from '../../../src-shared/domain/client';
import { duplicateKey } from '../../../src-shared/exports/import-plan';
import { addClient, filledIn, openRepositories } from '../db/helpers';

function rowsOf(bytes: Uint8Array): Record<string, string>[] {
  const text = new TextDecoder().decode(bytes);
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** A practice of `clients` clients with `notesEach` signed notes each (and one draft for the first). */
async function practice(clients: number, notesEach: number) {
  const repos = openRepositories();
  for (let c = 0; c < clients; c++) {
    const client = await addClient(repos.clients, `Ånna ${c}`, `Žáková ${String(c).padStart(3, '0')}`);
    for (let n = 0; n < notesEach; n++) {
      const draft = await repos.sessions.createDraft(client.id);
      await repos.sessions.saveDraft({
        ...filledIn(draft),
        serviceDate: `2025-02-${String(n + 1).padStart(2, '0')}`,
      });
      await repos.sessions.sign(draft.id, 'Anna Berg');
    }
    if (c === 0) await repos.sessions.createDraft(client.id);
  }
  return repos;
}

describe('spreadsheet export over the database', () => {
  it('writes every client and every note, in name order, read a page at a time, with progress', async () => {
    const repos = await practice(7, 3);
    const progress: SpreadsheetProgress[] = [];
    const files = await buildSpreadsheetFiles(new PracticePagesReader(repos.db), {
      pageSize: 3,
      onProgress: (p) => progress.push(p),
    });
    expect(files.clients).toBe(7);
    expect(files.sessions).toBe(22);
    const clients = rowsOf(files.clientsCsv);
    const sessions = rowsOf(files.sessionsCsv);
    expect(clients.map((row) => row.last_name)).toEqual(Array.from({ length: 7 }, (_, i) => `Žáková 00${i}`));
    expect(clients[0]).toMatchObject({
      first_name: 'Ånna 0',
      session_count: '4',
      date_of_birth: '1980-04-02',
    });
    expect(sessions).toHaveLength(22);
    expect(sessions[0]).toMatchObject({
      client_name: 'Ånna 0 Žáková 000',
      status: 'signed',
      service_date: '2025-02-01',
      pain_before: '6',
      treated_areas: 'Occipital; Sacrum',
      safety_findings: 'Modify treatment: Osteoporosis',
      signed_by: 'Anna Berg',
    });
    expect(sessions.filter((row) => row.status === 'draft')).toHaveLength(1);
    // Progress after each page of 3 clients, ending with the totals.
    expect(progress.map((p) => p.clients)).toEqual([0, 3, 6, 7]);
    expect(progress.at(-1)).toEqual({ clients: 7, sessions: 22, totalClients: 7, totalSessions: 22 });
  });

  it('stops between pages when cancelled', async () => {
    const repos = await practice(5, 1);
    const controller = new AbortController();
    const run = buildSpreadsheetFiles(new PracticePagesReader(repos.db), {
      pageSize: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.clients >= 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
  });

  it('an empty practice gives two files with only the header row', async () => {
    const repos = openRepositories();
    const files = await buildSpreadsheetFiles(new PracticePagesReader(repos.db));
    expect(new TextDecoder().decode(files.clientsCsv)).toMatch(
      /^client_id,first_name,.*,updated_at,clearances,signed_consent_at,signed_consent_version,consent_withdrawn,history_reviewed_on,preferred_language\r\n$/,
    );
    expect(files.sessions).toBe(0);
  });
});

describe('import through the clients repository', () => {
  it('creates clients in batches (each with a health history), reports progress, and finds them as duplicates afterwards', async () => {
    const repos = openRepositories();
    const inputs = Array.from({ length: 230 }, (_, i) => ({
      ...emptyClientInput(),
      firstName: 'Zoë',
      lastName: `Ødegård ${i}`,
      dateOfBirth: '1980-04-02',
    }));
    const seen: number[] = [];
    const result = await importClients(
      inputs.map((input) => ({ input, conditions: [] })),
      {
        clients: repos.clients,
        onProgress: (p) => seen.push(p.imported),
      },
    );
    expect(result).toEqual({ imported: 230, cancelled: false });
    expect(seen).toEqual([0, 100, 200, 230]);
    expect(await repos.db.clients.count()).toBe(230);
    expect(await repos.db.healthHistories.count()).toBe(230);
    const keys = await existingClientKeys(repos.clients);
    expect(keys.has(duplicateKey(inputs[17]!))).toBe(true);
  });

  it("adds a kept column's items to the new client's health history as conditions to review", async () => {
    const repos = openRepositories();
    const healthHistories = new HealthHistoryRepository(repos.db, repos.clock);
    const result = await importClients(
      [
        {
          input: { ...emptyClientInput(), firstName: 'Tom', lastName: 'Becker' },
          conditions: [
            { label: 'Epilepsy', column: 'Medical Alerts' },
            { label: 'Warfarin 5mg', column: 'Medical Alerts' },
          ],
        },
      ],
      {
        clients: repos.clients,
        healthHistories,
        source: { fileName: 'old.csv', today: '2026-03-20' },
      },
    );
    expect(result.imported).toBe(1);
    const [client] = await repos.db.clients.toArray();
    const history = await healthHistories.get(client!.id);
    expect(history.conditions).toEqual([
      expect.objectContaining({
        label: 'Epilepsy',
        catalogId: null,
        status: 'current',
        notes: 'Imported on 2026-03-20 from the "Medical Alerts" column of old.csv: review with the client.',
      }),
      expect.objectContaining({ label: 'Warfarin 5mg', status: 'current' }),
    ]);
  });

  it('stops before the next batch when cancelled; saved batches stay', async () => {
    const repos = openRepositories();
    const inputs = Array.from({ length: 250 }, (_, i) => ({
      ...emptyClientInput(),
      firstName: 'A',
      lastName: `B${i}`,
    }));
    const controller = new AbortController();
    const result = await importClients(
      inputs.map((input) => ({ input, conditions: [] })),
      {
        clients: repos.clients,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.imported === 100) controller.abort();
        },
      },
    );
    expect(result).toEqual({ imported: 100, cancelled: true });
    expect(await repos.db.clients.count()).toBe(100);
  });

  it('a batch is all or nothing: an invalid client rolls back its whole batch', async () => {
    const repos = openRepositories();
    const inputs = [
      { ...emptyClientInput(), firstName: 'Good', lastName: 'One' },
      { ...emptyClientInput(), firstName: 'Bad', lastName: 'Email', email: 'nope' },
    ];
    await expect(
      importClients(
        inputs.map((input) => ({ input, conditions: [] })),
        { clients: repos.clients },
      ),
    ).rejects.toThrow('Enter an email address');
    expect(await repos.db.clients.count()).toBe(0);
  });
});

describe('attachments.csv', () => {
  it('lists each document with its details and hash, never its bytes', async () => {
    const repos = await practice(2, 1);
    const { AttachmentsRepository } = await import('../../../src-renderer/db/attachments-repository');
    const { prepareFile } = await import('../../../src-shared/documents/prepare');
    const attachments = new AttachmentsRepository(repos.db, repos.clock);
    const [first] = await repos.clients.listAll();
    const file = await prepareFile(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), 'gp-letter.pdf');
    await attachments.add({
      clientId: first!.id,
      details: { title: 'Referral, Dr Okafor', kind: 'referral', date: '2025-02-01', note: '=1+1' },
      file,
    });
    const files = await buildSpreadsheetFiles(new PracticePagesReader(repos.db));
    expect(files.attachments).toBe(1);
    const rows = rowsOf(files.attachmentsCsv);
    expect(rows).toEqual([
      expect.objectContaining({
        client_id: first!.id,
        title: 'Referral, Dr Okafor',
        kind: 'Referral',
        date: '2025-02-01',
        media_type: 'application/pdf',
        size_bytes: String(file.size),
        sha256: file.sha256,
        original_name: 'gp-letter.pdf',
        gps_removed: 'no',
        details_removed: 'no',
        session_id: '',
      }),
    ]);
    // A note that looks like a formula is kept from running in a spreadsheet, like every text cell.
    expect(rows[0]!.note).not.toBe('=1+1');
    expect(new TextDecoder().decode(files.attachmentsCsv)).not.toContain('%PDF');
    repos.db.close();
  });
});
