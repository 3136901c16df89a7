/**
 * Reads CSV text into records the way RFC 4180 describes, and says where it could not: a quote
 * that is never closed, or text after a closing quote. Papa Parse reports those as errors but
 * goes on reading, so one stray quote swallowed the rows after it into a single cell (issue 13,
 * finding 4). Here a record with a quote problem is set aside as broken, with its text, and
 * reading starts again at the line after the one where the bad quote opened: the other rows
 * are read as they are, and the broken one is reported.
 *
 * Inside a quoted field `""` is a quote and a quote ends the field only when a delimiter, a line
 * end or the end of the text follows. A quote inside an unquoted field (`Tom "TJ" Berg`) is
 * text, as spreadsheets read it.
 */

/**
 * Why a record could not be split into cells: a quote opened and never closed, or text after a
 * closing quote. A name, not a sentence: the screens say it in the app's language
 * (`exports.importFile.<problem>`, import-words.ts).
 */
export type CsvQuoteProblem = 'unclosedQuote' | 'strayQuote';

export type CsvEntry =
  | { kind: 'record'; cells: string[] }
  | {
      kind: 'broken';
      problem: CsvQuoteProblem;
      /** The start of the record as written, for the report. */
      text: string;
    };

const QUOTE = 34;
const CR = 13;
const LF = 10;
const EXCERPT_LENGTH = 80;

/** Where the line holding `index` ends: the start of the next line, or the end of the text. */
function nextLineStart(text: string, index: number): number {
  for (let i = index; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === LF) return i + 1;
    if (code === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

function excerpt(text: string, from: number, to: number): string {
  const raw = text.slice(from, Math.min(to, from + EXCERPT_LENGTH + 1)).replace(/[\r\n]+$/, '');
  const oneLine = raw.replace(/\r\n|\r|\n/g, ' ');
  return oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH - 1)}…` : oneLine;
}

/** Every record of `text` in order (blank lines are records of one empty cell). */
export function readCsvEntries(text: string, delimiter: string): CsvEntry[] {
  return Array.from(csvEntries(text, delimiter));
}

/** The records of `text` one at a time, so a caller can read a large file in slices. */
export function* csvEntries(text: string, delimiter: string): Generator<CsvEntry, void, undefined> {
  if (delimiter.length !== 1) throw new Error('The delimiter must be one character.');
  const delimiterCode = delimiter.charCodeAt(0);
  const length = text.length;
  let pos = 0;
  while (pos < length) {
    const start = pos;
    const cells: string[] = [];
    let badQuote: { at: number; problem: CsvQuoteProblem } | null = null;
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        const opening = pos;
        let value = '';
        let from = pos + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            badQuote = { at: opening, problem: 'unclosedQuote' };
            break;
          }
          const after = close + 1 < length ? text.charCodeAt(close + 1) : -1;
          if (after === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          if (after === -1 || after === delimiterCode || after === CR || after === LF) {
            value += text.slice(from, close);
            pos = close + 1;
            break;
          }
          badQuote = { at: opening, problem: 'strayQuote' };
          break;
        }
        if (badQuote) break;
        cells.push(value);
      } else {
        let end = pos;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === delimiterCode || code === CR || code === LF) break;
          end += 1;
        }
        cells.push(text.slice(pos, end));
        pos = end;
      }
      if (pos >= length) break;
      const code = text.charCodeAt(pos);
      if (code === delimiterCode) {
        pos += 1;
        if (pos >= length) {
          cells.push('');
          break;
        }
        continue;
      }
      // A line end closes the record.
      pos += code === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      break;
    }
    if (badQuote) {
      // Start again on the line after the bad quote: a quote that never closes would otherwise
      // take every later row with it.
      const resume = nextLineStart(text, badQuote.at);
      yield { kind: 'broken', problem: badQuote.problem, text: excerpt(text, start, resume) };
      pos = resume;
    } else {
      yield { kind: 'record', cells };
    }
  }
}
