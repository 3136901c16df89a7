import type { Page } from '@playwright/test';

export interface SeedSession {
  daysAgo: number;
  /** The date of service itself ("YYYY-MM-DD"), for a test with a fixed clock; else `daysAgo`. */
  date?: string;
  before: number;
  after: number;
  rate: number;
  complaint: string;
  /** An after-effect reported at the next session: [type, severity]. */
  effect?: [string, 'mild' | 'moderate' | 'severe'];
}

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Earlier signed sessions written straight into the app's IndexedDB, shaped exactly as the
 * sessions repository stores them (a long history is slow to type through the UI). Reload the
 * page afterwards: the app reads them like any other.
 */
export async function seedSignedSessions(page: Page, clientId: string, sessions: readonly SeedSession[]) {
  const rows = sessions.map((s, i) => ({ ...s, number: i + 1, date: s.date ?? isoDaysAgo(s.daysAgo) }));
  await page.evaluate(
    async ({ clientId, rows }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('stillpoint');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['sessions', 'afterEffects'], 'readwrite');
      for (const s of rows) {
        const at = `${s.date}T10:00:00.000Z`;
        const id = `seed-${s.number}`;
        tx.objectStore('sessions').put({
          id,
          clientId,
          status: 'signed',
          serviceDate: s.date,
          serviceTime: '09:30',
          durationMinutes: 60,
          sessionNumber: s.number,
          entryDate: at,
          chiefComplaint: s.complaint,
          painBefore: { score: s.before, location: 'back of the head' },
          changesSinceLast: '',
          safetyCheck: { checkedAt: at, findings: [] },
          rhythm: {
            rateCpm: s.rate,
            amplitude: 'low',
            symmetry: 'balanced',
            quality: '',
            site: 'occiput',
            stillPoints: { count: 1, totalSeconds: 60 },
          },
          treatedAreas: [
            {
              id: `${id}-a`,
              regionId: 'occipital',
              side: null,
              techniques: ['still-point-cv4'],
              finding: 'release',
              note: '',
            },
            {
              id: `${id}-b`,
              regionId: 'sacrum',
              side: null,
              techniques: ['sacral-decompression'],
              finding: null,
              note: '',
            },
          ],
          sensations: { selected: ['warmth'], other: '' },
          observations: '',
          emotionalRelease: '',
          painAfter: { score: s.after, location: '' },
          globalResponse: { improvementPercent: null, description: '' },
          plan: 'Weekly',
          nextSessionRecommendation: '1 week',
          homeCare: '',
          signedAt: at,
          signedBy: 'Anna Lind',
          addenda: [],
          createdAt: at,
          updatedAt: at,
        });
        if (s.effect) {
          tx.objectStore('afterEffects').put({
            id: `effect-${s.number}`,
            sessionId: id,
            clientId,
            reportedInSessionId: null,
            reportedAt: at,
            type: s.effect[0],
            onsetHours: 3,
            durationHours: 20,
            severity: s.effect[1],
            resolved: true,
            notes: '',
          });
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { clientId, rows },
  );
}
