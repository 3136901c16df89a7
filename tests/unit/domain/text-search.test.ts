import { describe, expect, it } from 'vitest';
import {
  clientSearchText,
  foldForSearch,
  matchesSearch,
  searchTokensFor,
  searchWords,
} from '../../../src-shared/domain/text-search';

const zoe = { firstName: 'Zoë', lastName: 'Ødegård', preferredName: '' };

describe('foldForSearch', () => {
  it.each([
    ['Zoë Ødegård', 'zoe odegard'],
    ['ØRSTED', 'orsted'],
    ['Łukasz Straße', 'lukasz strasse'],
    ['Đorđe', 'dorde'],
    ['Æsa Cœur', 'aesa coeur'],
    ['Þóra', 'thora'],
    ['Işık', 'isik'],
    ['İstanbul', 'istanbul'],
    ['François Müller-Lüdenscheidt', 'francois muller-ludenscheidt'],
    ['José', 'jose'],
    ['Jose\u0301', 'jose'],
  ])('%j -> %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('is idempotent', () => {
    for (const text of ['Zoë Ødegård', 'ŁÆŒẞ', 'plain']) {
      expect(foldForSearch(foldForSearch(text))).toBe(foldForSearch(text));
    }
  });
});

describe('client search text and tokens', () => {
  it('folds first, last and preferred names', () => {
    expect(
      clientSearchText({ firstName: 'Katherine', lastName: "O'Brien-Smith", preferredName: 'Kate' }),
    ).toBe('katherine obrien smith kate');
    expect(clientSearchText(zoe)).toBe('zoe odegard');
  });

  it('tokens are the distinct folded words, for a multiEntry index', () => {
    expect(searchTokensFor({ firstName: 'Anna', lastName: 'Anna-Berg', preferredName: 'anna' })).toEqual([
      'anna',
      'berg',
    ]);
    expect(searchWords('  ')).toEqual([]);
  });
});

describe('matchesSearch', () => {
  const text = clientSearchText(zoe);

  it.each(['zoe od', 'Zoë Ødegård', 'ZOE', 'ODEG', 'odegard zoe', 'deg', 'gård', '  zo   ø ', ''])(
    '%j finds Zoë Ødegård',
    (query) => {
      expect(matchesSearch(text, query)).toBe(true);
    },
  );

  it.each(['zoey', 'od x', 'odegards', 'smith', 'zoe-odegard'])('%j does not', (query) => {
    // "zoe-odegard" splits into "zoe" and "odegard"; both match, so it is the one that does.
    expect(matchesSearch(text, query)).toBe(query === 'zoe-odegard');
  });

  it('ignores apostrophes the way names are stored', () => {
    const obrien = clientSearchText({ firstName: 'Sean', lastName: "O'Brien" });
    expect(matchesSearch(obrien, 'obrien')).toBe(true);
    expect(matchesSearch(obrien, "o'bri")).toBe(true);
    expect(matchesSearch(obrien, 'Seán')).toBe(true);
  });

  it('needs every token: the preferred name counts too', () => {
    const kate = clientSearchText({ firstName: 'Katherine', lastName: 'Smith', preferredName: 'Kate' });
    expect(matchesSearch(kate, 'kate smi')).toBe(true);
    expect(matchesSearch(kate, 'kate jones')).toBe(false);
  });
});
