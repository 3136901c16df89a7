import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { AftercareTemplateSchema, placeholdersIn } from '../../../src-shared/domain/aftercare';
import {
  CATALOGUES,
  HANDOUT_TEMPLATES,
  LANGUAGES,
  pseudoMessage,
  resolveLanguage,
  translatorFor,
} from '../../../src-shared/i18n';

type Tree = { [key: string]: string | Tree };

/** Every key of a catalogue with its message: "menu.file" -> "File". */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message uses ({name}, {count, plural, ...}), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date) {
      into.add(element.value);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    } else if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
    }
  }
  return into;
}

const english = flatten(CATALOGUES.en as Tree);

/** What is wrong with one catalogue against English: missing keys, extra keys, foreign placeholders. */
function catalogueProblems(catalogue: Tree): string[] {
  const problems: string[] = [];
  const messages = flatten(catalogue);
  for (const key of english.keys()) if (!messages.has(key)) problems.push(`missing ${key}`);
  for (const [key, message] of messages) {
    const source = english.get(key);
    if (source === undefined) {
      problems.push(`not in English: ${key}`);
      continue;
    }
    let used: Set<string>;
    try {
      used = argumentsOf(parse(message));
    } catch (error) {
      problems.push(`${key} is not valid ICU: ${(error as Error).message}`);
      continue;
    }
    const allowed = argumentsOf(parse(source));
    for (const name of used)
      if (!allowed.has(name)) problems.push(`${key} uses {${name}}, which English does not`);
  }
  return problems;
}

describe('the catalogues', () => {
  it('English itself is valid ICU MessageFormat', () => {
    for (const [key, message] of english) expect(() => parse(message), key).not.toThrow();
  });

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language} has every key English has, and no placeholder English lacks`, () => {
      expect(catalogueProblems(CATALOGUES[language] as Tree)).toEqual([]);
    });
  }

  it('the check catches a missing key and a placeholder English does not have', () => {
    const broken = structuredClone(CATALOGUES.de) as Tree;
    delete (broken.menu as Tree).file;
    (broken.menu as Tree).about = 'Über {product}';
    expect(catalogueProblems(broken)).toEqual([
      'missing menu.file',
      'menu.about uses {product}, which English does not',
    ]);
  });

  it('plurals follow each language: one and other', () => {
    expect(translatorFor('de')('shell.draftCount', { count: 1 })).toBe('1 Entwurf');
    expect(translatorFor('de')('shell.draftCount', { count: 2 })).toBe('2 Entwürfe');
    expect(translatorFor('fr')('shell.draftCount', { count: 0 })).toBe('0 brouillon');
    expect(translatorFor('nl')('attention.waiting', { count: 3 })).toMatch(/^3 concepten wachten/);
  });
});

describe('the standard handout wording per language', () => {
  for (const language of LANGUAGES) {
    it(`${language}: a valid template with a line for every English red flag and English's placeholders only`, () => {
      const template = HANDOUT_TEMPLATES[language];
      expect(AftercareTemplateSchema.safeParse(template).success).toBe(true);
      const en = HANDOUT_TEMPLATES.en;
      expect(template.seekHelp).toHaveLength(en.seekHelp.length);
      expect(template.whatToExpect).toHaveLength(en.whatToExpect.length);
      expect(template.selfCare).toHaveLength(en.selfCare.length);
      for (const field of ['intro', 'contact', 'closing', 'seekHelpAdvice'] as const) {
        expect(placeholdersIn(template[field]).sort(), `${language} ${field}`).toEqual(
          placeholdersIn(en[field]).sort(),
        );
      }
      expect(template.seekHelpAdvice.trim()).not.toBe('');
    });
  }
});

describe('choosing the language', () => {
  it('takes the first system language Stillpoint speaks, English when none', () => {
    expect(resolveLanguage(['fr-CA', 'en-US'])).toBe('fr');
    expect(resolveLanguage(['fi-FI', 'nl-BE'])).toBe('nl');
    expect(resolveLanguage(['ja-JP'])).toBe('en');
    expect(resolveLanguage([])).toBe('en');
    expect(resolveLanguage(['not a tag', 'de'])).toBe('de');
  });
});

describe('the pseudo-locale', () => {
  it('accents letters, makes text about 40 % longer and keeps ICU syntax working', () => {
    const message =
      'That passcode is not right. {left, plural, one {# more try} other {# more tries}} before a wait.';
    const pseudo = pseudoMessage(message);
    expect(pseudo).toMatch(/^\[Ţĥáţ þáššçöðé/);
    expect(() => parse(pseudo)).not.toThrow();
    expect(argumentsOf(parse(pseudo))).toEqual(new Set(['left']));
    const shown = translatorFor('en-XA')('lock.wrongTriesLeft', { left: 2 });
    const plain = translatorFor('en')('lock.wrongTriesLeft', { left: 2 });
    expect(shown.length).toBeGreaterThanOrEqual(Math.floor(plain.length * 1.4));
    expect(translatorFor('en-XA')('lock.wrongTriesLeft', { left: 2 })).toMatch(/2 ɱöŕé ţŕíéš/);
  });
});
