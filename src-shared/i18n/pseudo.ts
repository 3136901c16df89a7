import type { Catalogue } from './catalogues';

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  G: 'Ĝ',
  I: 'Î',
  L: 'Ļ',
  N: 'Ñ',
  O: 'Ö',
  S: 'Š',
  U: 'Û',
  Y: 'Ý',
  Z: 'Ž',
  T: 'Ţ',
  H: 'Ĥ',
  K: 'Ķ',
  R: 'Ŕ',
  W: 'Ŵ',
};

/**
 * One message in the pseudo-locale: letters accented, about 40 % longer, in brackets, so text
 * that overflows, is cut, or never went through the catalogue shows on a screenshot. ICU syntax
 * (arguments, plural keywords, `#`) is left as it is: only text outside braces at depth 0 and
 * inside plural branches is changed.
 */
export function pseudoMessage(message: string): string {
  let out = '';
  let depth = 0;
  let letters = 0;
  for (const char of message) {
    if (char === '{') {
      depth += 1;
      out += char;
      continue;
    }
    if (char === '}') {
      depth -= 1;
      out += char;
      continue;
    }
    // Text sits at even depth: the message itself, or a plural branch inside `{n, plural, one {…}}`.
    const isText = depth % 2 === 0;
    if (isText && char !== '#') {
      letters += 1;
      out += ACCENTED[char] ?? char;
    } else {
      out += char;
    }
  }
  const padding = Math.max(1, Math.round(letters * 0.4));
  const filler = '~·'.repeat(Math.ceil(padding / 2)).slice(0, padding);
  return `[${out} ${filler}]`;
}

function pseudoTree(tree: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] =
      typeof value === 'string' ? pseudoMessage(value) : pseudoTree(value as Record<string, unknown>);
  }
  return out;
}

/** The whole English catalogue in the pseudo-locale. */
export function pseudoCatalogue(en: Catalogue): Catalogue {
  return pseudoTree(en) as Catalogue;
}
