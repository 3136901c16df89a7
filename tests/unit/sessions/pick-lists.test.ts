import { describe, expect, it } from 'vitest';
import { MAP_SHAPES } from '../../../src-renderer/features/sessions/body-map-shapes';
import {
  ambiguousCandidates,
  highlightAfterTyping,
  matchRegions,
  matchTechniques,
  moveHighlight,
  searchRegions,
  suggestedTechniques,
} from '../../../src-renderer/features/sessions/pick-search';
import { BODY_REGIONS, MAP_VIEWS, regionsOnMapView } from '../../../src-shared/domain/body-regions';
import { techniqueById } from '../../../src-shared/domain/techniques';

describe('region type-ahead', () => {
  it.each([
    ['occ', 'occipital'],
    ['c1', 'c1'],
    ['t1', 't1'],
    ['sac', 'sacrum'],
    ['sacroi', 'sacroiliac'],
    ['l5s1', 'l5-s1'],
    ['l5', 'l5'],
    ['inl', 'thoracic-inlet'],
    ['resp', 'respiratory-diaphragm'],
    ['TMJ', 'mandible-tmj'],
    ['sphen', 'sphenoid'],
    ['fe', 'feet'],
    ['Occipítal', 'occipital'],
  ])('"%s" puts %s first', (query, id) => {
    expect(matchRegions(query)[0]?.id).toBe(id);
  });

  it('lists everything cranium first with no query, and a group by its name', () => {
    const all = matchRegions('');
    expect(all[0]?.id).toBe('frontal');
    expect(all.at(-1)?.id).toBe('hands');
    expect(matchRegions('cerv').map((r) => r.id)).toEqual([
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'c6',
      'c7',
      'hyoid',
    ]);
    expect(matchRegions('zzz')).toEqual([]);
  });
});

describe("region type-ahead by therapists' abbreviations (issue 21)", () => {
  it.each([
    ['si', 'sacroiliac'],
    ['sij', 'sacroiliac'],
    ['SI joint', 'sacroiliac'],
    ['sbs', 'sphenobasilar'],
    ['oa', 'atlanto-occipital'],
    ['atlas', 'c1'],
    ['axis', 'c2'],
    ['jaw', 'mandible-tmj'],
    ['tail', 'coccyx'],
    ['tailbone', 'coccyx'],
    ['pelvic floor', 'pelvic-diaphragm'],
    ['forehead', 'frontal'],
  ])('"%s" puts %s first', (query, id) => {
    expect(matchRegions(query)[0]?.id).toBe(id);
  });

  it('says which alias found a region, and nothing when its own name did', () => {
    expect(searchRegions('sij')[0]).toMatchObject({ alias: 'SIJ', score: 0 });
    expect(searchRegions('occ')[0]).toMatchObject({ alias: null });
  });

  it('"si" still lists the sphenobasilar junction, after the SI joint', () => {
    const ids = matchRegions('si').map((r) => r.id);
    expect(ids[0]).toBe('sacroiliac');
    expect(ids).toContain('sphenobasilar');
  });

  it('"jaw" lists the mandible and then the maxilla (upper jaw)', () => {
    expect(matchRegions('jaw').map((r) => r.id)).toEqual(['mandible-tmj', 'maxilla']);
  });

  it('an ambiguous prefix leaves every tied candidate open; an exact name or alias does not', () => {
    expect(ambiguousCandidates(searchRegions('sph')).map((m) => m.region.id)).toEqual([
      'sphenoid',
      'sphenobasilar',
    ]);
    expect(ambiguousCandidates(searchRegions('sac')).map((m) => m.region.id)).toEqual([
      'sacrum',
      'sacroiliac',
    ]);
    expect(ambiguousCandidates(searchRegions('sij'))).toEqual([]);
    expect(ambiguousCandidates(searchRegions('t1'))).toEqual([]);
    expect(ambiguousCandidates(searchRegions('zzz'))).toEqual([]);
  });

  it("no alias is another region's exact name or alias", () => {
    const names = new Map<string, string>();
    for (const region of BODY_REGIONS) {
      for (const name of [region.label, region.id, ...region.aliases]) {
        const key = name.toLowerCase();
        expect(names.get(key) ?? region.id, `${name} (${region.id})`).toBe(region.id);
        names.set(key, region.id);
      }
    }
  });
});

describe('technique type-ahead', () => {
  it("offers the region's usual techniques first, then the protocol in order", () => {
    const list = matchTechniques('', 'occipital');
    expect(list.slice(0, 2).map((t) => t.id)).toEqual(['still-point-cv4', 'cranial-base-release']);
    expect(matchTechniques('', 'c3')[0]?.id).toBe('still-point-cv4');
  });

  it('filters, leaving out what the area already has', () => {
    expect(matchTechniques('cv', 'c1')[0]?.id).toBe('still-point-cv4');
    expect(matchTechniques('v-spread', 'c1')[0]?.id).toBe('v-spread');
    expect(matchTechniques('still', 'occipital', ['still-point-cv4']).map((t) => t.id)).toEqual([
      'still-point-feet',
    ]);
  });

  it('suggests only techniques that exist', () => {
    for (const region of matchRegions('')) {
      for (const id of suggestedTechniques(region.id)) expect(techniqueById(id), id).toBeDefined();
    }
  });
});

describe('what Enter takes in a pick list (issue 21: never a technique the therapist did not choose)', () => {
  it('highlights nothing in an empty box, so Enter there adds nothing', () => {
    expect(highlightAfterTyping('')).toBeNull();
    expect(highlightAfterTyping('   ')).toBeNull();
  });

  it('highlights the best match once the therapist has typed towards it', () => {
    expect(highlightAfterTyping('cv')).toBe(0);
  });

  it('↓ from nothing highlights the first option, ↑ does not invent one', () => {
    expect(moveHighlight(null, 1, 5)).toBe(0);
    expect(moveHighlight(null, -1, 5)).toBeNull();
    expect(moveHighlight(0, -1, 5)).toBe(0);
    expect(moveHighlight(3, 1, 5)).toBe(4);
    expect(moveHighlight(4, 1, 5)).toBe(4);
    expect(moveHighlight(null, 1, 0)).toBeNull();
    expect(moveHighlight(2, 1, 0)).toBeNull();
  });
});

describe('body map drawing', () => {
  it.each(MAP_VIEWS)('the %s view draws exactly the regions the taxonomy puts on it, once each', (view) => {
    const drawn = MAP_SHAPES[view].map((shape) => shape.regionId);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect([...drawn].sort()).toEqual(
      regionsOnMapView(view)
        .map((r) => r.id)
        .sort(),
    );
  });

  it('paired structures seen from behind have a left and a right part', () => {
    const pairs = MAP_SHAPES.posterior.filter((shape) => shape.parts.some((p) => p.side));
    expect(pairs.map((s) => s.regionId).sort()).toEqual(['parietal', 'ribs', 'sacroiliac', 'temporal']);
    for (const shape of pairs) expect(shape.parts.map((p) => p.side).sort()).toEqual(['left', 'right']);
  });

  it('every shape has drawable path data', () => {
    for (const view of MAP_VIEWS) {
      for (const shape of MAP_SHAPES[view]) {
        for (const part of shape.parts) expect(part.d).toMatch(/^M[\d.]+ [\d.]+ .+Z$/);
      }
    }
  });
});
