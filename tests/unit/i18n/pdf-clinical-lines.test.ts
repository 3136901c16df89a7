import { describe, expect, it } from 'vitest';
import { renderClientRecordPdf } from '../../../src-main/services/pdf/client-record';
import { recordFormat } from '../../../src-main/services/pdf/client-record-text';
import { renderProgressReportPdf } from '../../../src-main/services/pdf/progress-report';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import { translatorFor } from '../../../src-shared/i18n';
import { buildProgressReport, ProgressReportSchema } from '../../../src-shared/outcomes/report';
import { recordFixture } from '../exports/fixtures';
import { FIXED_NOW, FONTS_DIR, pdfPagesText } from '../pdf/fixtures';

const text = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

describe('the sentences built from clinical data, in the paper language', () => {
  it('a German client record: SOAP lines and health-history lines in German', async () => {
    const pdf = await renderClientRecordPdf(recordFixture().record, {
      fontsDir: FONTS_DIR,
      now: FIXED_NOW,
      timeZone: 'Europe/Berlin',
      language: 'de',
    });
    const all = text(await pdfPagesText(pdf));
    expect(all).toContain('Hauptbeschwerde: Tension headaches after desk work.');
    expect(all).toContain('Kraniosakraler Rhythmus: 8 Zyklen pro Minute');
    expect(all).toContain('Behandelt Okzipitale (Hinterhauptbein)');
    // Picked from the list, so shown by its catalogue name in the paper's language.
    expect(all).toContain('Osteoporose: aktuell, mittel, seit 3. Januar 2020.');
    expect(all).not.toContain('Chief complaint');
    expect(all).not.toContain('Craniosacral rhythm');
    expect(all).not.toContain('Treated ');
    expect(all).not.toContain('current, moderate');
  });

  it('an English client record keeps its English sentences', async () => {
    const pdf = await renderClientRecordPdf(recordFixture().record, {
      fontsDir: FONTS_DIR,
      now: FIXED_NOW,
      timeZone: 'Europe/London',
    });
    const all = text(await pdfPagesText(pdf));
    expect(all).toContain('Chief complaint: Tension headaches after desk work.');
    expect(all).toContain('Craniosacral rhythm: 8 cycles per minute');
    expect(all).toContain('Osteoporosis: current, moderate, since 3 January 2020.');
  });

  it('a Spanish progress report names the treated areas, after-effects and severity in Spanish', async () => {
    const { record } = recordFixture();
    const notes = record.sessions.map((s) => s.note as SessionDraft);
    const dates = notes.map((n) => n.serviceDate).sort();
    const input = buildProgressReport({
      audience: 'physician',
      practice: record.practice,
      client: { name: 'Ingrid Solberg', dateOfBirth: null, referringPhysician: '' },
      profile: {
        symptom1: 'Headache',
        symptom2: null,
        activity: null,
        symptom1Duration: '1-5-years',
      } as never,
      scores: [],
      notes,
      afterEffects: [],
      period: { from: dates[0] as string, to: dates[dates.length - 1] as string },
      summary: '',
      signedBy: 'Anna Berg',
      signedOn: '2026-11-27',
      t: translatorFor('es'),
    });
    expect(input.treatedAreas.map((a) => a.label)).toContain(
      translatorFor('es')('sessions.labels.regions.occipital'),
    );
    const parsed = ProgressReportSchema.parse({
      ...input,
      language: 'es',
      scores: [
        {
          date: dates[0],
          kind: 'baseline',
          scores: { symptom1: 5, symptom2: null, activity: null, wellbeing: 3 },
        },
      ],
    });
    const pdf = await renderProgressReportPdf(parsed, {
      fontsDir: FONTS_DIR,
      now: FIXED_NOW,
      formatDate: recordFormat(undefined, 'es').date,
    });
    const all = text(await pdfPagesText(pdf));
    for (const area of input.treatedAreas) expect(all).toContain(area.label);
    expect(all).toContain(translatorFor('es')('sessions.labels.regions.occipital'));
    expect(all).not.toContain('Occipital (');
  });
});
