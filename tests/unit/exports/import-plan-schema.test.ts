import { describe, expect, it, vi } from 'vitest';
import * as client from '../../../src-shared/domain/client';
import { guessMapping } from '../../../src-shared/exports/import-mapping';
import { planImport } from '../../../src-shared/exports/import-plan';
import { readImportTable } from '../../../src-shared/exports/import-table';

// Counts how often the client schema is built: the review found it rebuilt for every row.
vi.mock('../../../src-shared/domain/client', async (importOriginal) => {
  const original = await importOriginal<typeof client>();
  return { ...original, makeClientInputSchema: vi.fn(original.makeClientInputSchema) };
});

describe('the import plan', () => {
  it('builds the client schema once per plan, not once per row', () => {
    const text = ['First,Last', ...Array.from({ length: 500 }, (_, i) => `Anna${i},Berg`)].join('\n');
    const table = readImportTable(new TextEncoder().encode(text));
    vi.mocked(client.makeClientInputSchema).mockClear();
    const plan = planImport(
      table,
      guessMapping(table.headers),
      { dateFormat: 'iso', today: '2026-03-20' },
      new Set(),
    );
    expect(plan.ready).toBe(500);
    expect(client.makeClientInputSchema).toHaveBeenCalledTimes(1);
  });
});
