import { searchWords } from '../domain/text-search';

/**
 * Phrase matching on folded words, for reading free text ("fractured skull in 2019") as a
 * catalog condition and for a practice's own keyword rules.
 *
 * A phrase matches when its words appear one after another in the text. A word ending in '*'
 * matches any word that starts with it ("fracture*" matches "fractures"); with `allPrefixes`
 * every word of the phrase is a prefix ("migr" matches "migraines").
 */
interface Span {
  start: number;
  end: number;
}

/** Folded word patterns of a phrase, kept: the catalog's phrases are compiled once. */
const compiled = new Map<string, readonly string[]>();

function compilePhrase(phrase: string): readonly string[] {
  let patterns = compiled.get(phrase);
  if (patterns === undefined) {
    patterns = phrase
      .split(/\s+/)
      .map((part) => {
        const folded = searchWords(part).join('');
        return folded === '' ? '' : `${folded}${part.endsWith('*') ? '*' : ''}`;
      })
      .filter((pattern) => pattern !== '');
    // Practice keywords are user text: keep the cache from growing without bound.
    if (compiled.size > 2000) compiled.clear();
    compiled.set(phrase, patterns);
  }
  return patterns;
}

function wordMatches(pattern: string, word: string, allPrefixes: boolean): boolean {
  if (pattern.endsWith('*')) return word.startsWith(pattern.slice(0, -1));
  return allPrefixes ? word.startsWith(pattern) : word === pattern;
}

/** Where `phrase` occurs in `words` (word index spans, end exclusive). */
function phraseSpans(words: readonly string[], phrase: string, allPrefixes: boolean): Span[] {
  const patterns = compilePhrase(phrase);
  // A phrase with no letters or digits ("*", "-") would match everything: it matches nothing.
  if (patterns.length === 0) return [];
  const spans: Span[] = [];
  for (let start = 0; start + patterns.length <= words.length; start += 1) {
    if (patterns.every((pattern, offset) => wordMatches(pattern, words[start + offset] ?? '', allPrefixes))) {
      spans.push({ start, end: start + patterns.length });
    }
  }
  return spans;
}

export interface PhraseRule {
  keywords: readonly string[];
  /** Phrases that look like a keyword but mean something else ("heat stroke", "aortic aneurysm"). */
  excludes?: readonly string[];
}

/**
 * True when a keyword occurs in `text` outside every excluded phrase: "aortic aneurysm" does not
 * read as a cerebral aneurysm, "aortic aneurysm and a brain aneurysm" still does.
 */
export function textMatchesPhrases(text: string, rule: PhraseRule, allPrefixes = false): boolean {
  const words = searchWords(text);
  if (words.length === 0) return false;
  const excluded = (rule.excludes ?? []).flatMap((phrase) => phraseSpans(words, phrase, allPrefixes));
  return rule.keywords.some((keyword) =>
    phraseSpans(words, keyword, allPrefixes).some(
      (hit) => !excluded.some((span) => span.start <= hit.start && hit.end <= span.end),
    ),
  );
}
