import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 19: whatever main says to the therapist is in the app's language. What reaches a person
 * from main is a refusal, a UserFacingError (the dispatcher shows its message), or a `fail(...)`
 * answer of the dispatcher itself; any other error a handler throws becomes "Something went wrong
 * in Stillpoint" (translated), so `throw new Error('…')` never reaches anyone and is not checked.
 *
 * So: in src-main, a UserFacingError is made only by `translatedError`/`translatedSizeError`
 * (src-main/i18n.ts), which take a catalogue key, and no `fail(...)` carries an English sentence
 * except the few listed below, each with why no person reads it.
 */

const MAIN = 'src-main';

/** `fail(...)` sentences no therapist reads. */
const ALLOWED_FAIL_TEXTS = new Map<string, string>([
  [
    'There is no "…" action.',
    'a channel the table does not have: the preload is built from the table, so only code that is not Stillpoint calls one',
  ],
  [
    'This request did not come from Stillpoint and was refused.',
    'a frame that is not the app’s window (a hostile page); no screen of Stillpoint shows the answer',
  ],
  [
    'The request was not valid: …',
    'the English when the dispatcher is given no translate (unit tests); main passes errors.invalidRequest',
  ],
  [
    'Stillpoint produced an unexpected answer. Please try again.',
    'the English fallback of say(): main passes translate, so errors.unexpectedAnswer is shown',
  ],
  [
    'Something went wrong in Stillpoint. Your records are unchanged; please try again.',
    'the English fallback of say(): main passes translate, so errors.somethingWentWrong is shown',
  ],
]);

/** The one place a UserFacingError is made from a catalogue key. */
const TRANSLATING_FILE = 'src-main/i18n.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `…${span.literal.text}`).join('');
  return null;
}

/** Sentence-like literals (a capital, then a space) anywhere inside `node`. */
function sentencesIn(node: ts.Node): string[] {
  const found: string[] = [];
  const visit = (child: ts.Node): void => {
    const text = literalText(child);
    if (text !== null && /^\p{Lu}\p{L}*'?\p{L}* /u.test(text)) {
      found.push(text);
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** What a file says to a person outside the catalogue: each a short description. */
function untranslatedRefusals(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const isTranslatingFile = path.normalize(file) === path.normalize(TRANSLATING_FILE);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'UserFacingError' &&
      !isTranslatingFile
    ) {
      const [, message] = node.arguments ?? [];
      found.push(`new UserFacingError: ${message ? (literalText(message) ?? message.getText()) : ''}`);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'fail') {
      for (const sentence of node.arguments.flatMap(sentencesIn))
        if (!ALLOWED_FAIL_TEXTS.has(sentence)) found.push(`fail: ${sentence}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const FILES = sourceFiles(MAIN).map((file) => file.split(path.sep).join('/'));

describe('main says nothing to a person outside the catalogue', () => {
  it('reads every file of src-main, the handlers among them', () => {
    expect(FILES).toContain('src-main/handlers/files.ts');
    expect(FILES).toContain('src-main/ipc.ts');
    expect(FILES.length).toBeGreaterThan(40);
  });

  it.each(FILES)('%s', (file) => {
    expect(untranslatedRefusals(file)).toEqual([]);
  });

  it('the allowed sentences are still there (an entry no longer needed is taken off)', () => {
    const all = new Set(
      FILES.flatMap((file) => {
        const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        return sentencesIn(source);
      }),
    );
    for (const text of ALLOWED_FAIL_TEXTS.keys()) expect(all, text).toContain(text);
  });

  it('the check finds an English refusal written into a handler', () => {
    const file = 'tests/unit/i18n/fixtures/untranslated-refusal.ts.txt';
    expect(untranslatedRefusals(file)).toEqual([
      'new UserFacingError: That file is too large to import.',
      'new UserFacingError: "…" could not be read.',
      'fail: Nothing to save.',
    ]);
  });
});
