import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from './fixtures';

/** One structure element as read back from a PDF: its type, alt text, kids, marked content. */
export interface StructNode {
  type: string;
  alt?: string;
  children: StructNode[];
  /** How many marked-content pieces (MCIDs) the element holds directly. */
  content: number;
}

export interface TaggedPdf {
  marked: boolean;
  lang: string | null;
  root: StructNode | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Reads a PDF's tag tree back with `qpdf --json` (an independent reader, not pdfkit): the
 * catalog's MarkInfo and Lang, and the structure elements under StructTreeRoot.
 */
export function readStructureTree(pdf: Uint8Array): TaggedPdf {
  const dir = mkdtempSync(path.join(tmpdir(), 'stillpoint-structure-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const json = JSON.parse(runTool('qpdf', ['--json=2', '--json-key=qpdf', file])) as {
      qpdf: [unknown, Record<string, { value?: Json }>];
    };
    const objects = json.qpdf[1];
    const deref = (value: Json | undefined): Json | undefined =>
      typeof value === 'string' && / 0 R$/.test(value) ? objects[`obj:${value}`]?.value : value;
    const dict = (value: Json | undefined) => deref(value) as Record<string, Json> | undefined;
    const text = (value: Json | undefined): string | undefined => {
      const v = deref(value);
      return typeof v === 'string' ? v.replace(/^u:/, '') : undefined;
    };

    const trailer = dict(objects.trailer?.value);
    const catalog = dict(trailer?.['/Root']);
    const markInfo = dict(catalog?.['/MarkInfo']);
    const toNode = (value: Json | undefined, depth: number): StructNode | null => {
      const element = dict(value);
      if (!element || depth > 50) return null;
      const kids = deref(element['/K']);
      const list = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
      const node: StructNode = { type: String(element['/S']).replace(/^\//, ''), children: [], content: 0 };
      const alt = text(element['/Alt']);
      if (alt !== undefined) node.alt = alt;
      for (const kid of list) {
        const resolved = deref(kid);
        if (typeof resolved === 'number') node.content += 1;
        else if (resolved && typeof resolved === 'object' && !Array.isArray(resolved) && '/MCID' in resolved)
          node.content += 1;
        else {
          const child = toNode(kid, depth + 1);
          if (child) node.children.push(child);
        }
      }
      return node;
    };
    const treeRoot = dict(catalog?.['/StructTreeRoot']);
    const top = deref(treeRoot?.['/K']);
    const first = Array.isArray(top) ? top[0] : top;
    return {
      marked: markInfo?.['/Marked'] === true,
      lang: text(catalog?.['/Lang']) ?? null,
      root: first === undefined ? null : toNode(first, 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every element of the tree, depth first. */
export function allNodes(node: StructNode | null): StructNode[] {
  return node ? [node, ...node.children.flatMap(allNodes)] : [];
}
