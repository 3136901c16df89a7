import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Finds user-visible text written straight into renderer components instead of coming from the
 * catalogue: JSX text, and string literals in the attributes people read (labels, titles,
 * placeholders, alternative text, hints) or placed directly in a JSX expression.
 */

/** Attributes whose value a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
  'warning',
  'purpose',
  'description',
]);

/** Text that is not words: numbers, punctuation, the product's name. */
function isWords(text: string): boolean {
  const stripped = text.replace(/Stillpoint/g, '').trim();
  return /\p{L}{2,}/u.test(stripped);
}

export interface LiteralFinding {
  file: string;
  line: number;
  text: string;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** Literals a JSX expression shows: the expression itself, or the branches of a ?: or &&/||. */
function shownLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return shownLiterals(node.expression);
  if (ts.isConditionalExpression(node))
    return [...shownLiterals(node.whenTrue), ...shownLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    // `a && 'text'`, `a || 'text'`, `a ?? 'text'` show their literal; `a === 'id'` shows nothing.
    const shows =
      kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      kind === ts.SyntaxKind.BarBarToken ||
      kind === ts.SyntaxKind.QuestionQuestionToken ||
      kind === ts.SyntaxKind.PlusToken;
    return shows ? [...shownLiterals(node.left), ...shownLiterals(node.right)] : [];
  }
  return literalText(node) !== null ? [node] : [];
}

export function findLiteralStrings(file: string, source: string): LiteralFinding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: LiteralFinding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!isWords(text)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    findings.push({ file, line: line + 1, text: text.replace(/\s+/g, ' ').trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sourceFile);
      if (VISIBLE_ATTRIBUTES.has(name)) {
        const init = node.initializer;
        if (ts.isStringLiteral(init)) report(init, init.text);
        else if (ts.isJsxExpression(init) && init.expression) {
          for (const literal of shownLiterals(init.expression)) report(literal, literalText(literal) ?? '');
        }
      }
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of shownLiterals(node.expression)) report(literal, literalText(literal) ?? '');
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

/** Every .tsx file under a folder, as paths relative to `root`. */
export function componentFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.tsx')) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(root, folder));
  return out.sort();
}

export function findingsIn(root: string, file: string): LiteralFinding[] {
  return findLiteralStrings(file, readFileSync(path.join(root, file), 'utf8'));
}
