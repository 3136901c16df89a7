import { describe, expect, it, vi } from 'vitest';
import { renderClientRecordPdf } from '../../../src-main/services/pdf/client-record';
import { ClientRecordSchema } from '../../../src-shared/domain/client-record';
import { recordFixture } from '../exports/fixtures';
import { FIXED_NOW, FONTS_DIR, pdfPagesText } from '../pdf/fixtures';

vi.mock('electron', () => ({}));

// Who wrote what in the client record PDF: the computer on the signature line, and the author
// and computer of each audit entry in the audit trail (issue 18). Records without them print as before.

describe('client record PDF: who wrote what', () => {
  it('prints the computer a note was signed on, and who wrote each audit entry on which computer', async () => {
    const { record } = recordFixture();
    const withNames = ClientRecordSchema.parse({
      ...record,
      sessions: record.sessions.map((session, index) =>
        index === 0
          ? { ...session, note: { ...session.note, signedOnComputer: 'Treatment room laptop' } }
          : session,
      ),
      auditLog: record.auditLog.map((entry) => ({ ...entry, author: 'Anna Berg', computer: 'Desk at home' })),
    });
    const pages = await pdfPagesText(
      await renderClientRecordPdf(withNames, {
        fontsDir: FONTS_DIR,
        now: FIXED_NOW,
        timeZone: 'Europe/London',
        logo: null,
      }),
    );
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Signed by Anna Berg · 13 Jan 2025, 11:05 · on computer Treatment room laptop');
    expect(text).toContain('Anna Berg on computer Desk at home');
  });
});
