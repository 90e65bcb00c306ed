/**
 * A tagged PDF's structure tree, page by page: which text items belong to which paragraph-level element
 * (P, H1…H6, LI, TD…), in the tree's reading order. pdf.js gives each page its own fragment of the tree
 * (`page.getStructTree()`, content nodes named `p<page>R_mc<mcid>`) and, with `includeMarkedContent`, wraps
 * the page's text items in the same marked-content ids, which is how items are matched to elements.
 * Turning the blocks into paragraphs, and deciding whether the tree can be trusted, is struct-tree-drafts.ts.
 */
import { joinRowSegments } from './columns.ts';
import type { PdfLine, RawItem } from './lines.ts';

/** A paragraph-level element on one page: its lines (built from its own items only) in stream order. */
export interface TaggedBlock {
  role: string;
  /** The roles of the containers above it ("Document/Aside"): a block split by a page break keeps them. */
  parent: string;
  lines: PdfLine[];
  /** A list item on this page without its label: the rest of an item begun on an earlier page. */
  unlabelled: boolean;
  /** Text not reachable from any paragraph-level element (untagged, or under Document/Sect/Div directly). */
  orphan: boolean;
}

export interface TaggedPage {
  blocks: TaggedBlock[];
  /** Non-blank characters of the page's text outside artifacts, and of those the ones inside blocks. */
  textChars: number;
  coveredChars: number;
}

/** The structure tree as pdf.js serialises it. */
export interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** A pdf.js text-content entry: a text item, or a marked-content begin/end. */
export type ContentEntry = RawItem | { type: string; tag?: string; id?: string | null };

/** Elements that are one paragraph each (ISO 32000 standard roles, after the file's role map). */
const BLOCK_ROLES = new Set([
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'Title',
  'LI',
  'LBody',
  'TD',
  'TH',
  'TOCI',
  'BibEntry',
]);
/**
 * Elements that are a paragraph when they hold text directly, and a container when they hold paragraphs:
 * Chromium's <aside> is an Aside holding H3 and P, a Word footnote a Note holding its text.
 */
const SOFT_BLOCK_ROLES = new Set(['Aside', 'Note', 'FENote', 'BlockQuote', 'Figure', 'Formula', 'Caption']);
/** Elements that hold other paragraphs: inside a list item or cell they start blocks of their own. */
const NESTING_ROLES = new Set(['L', 'Table', 'TOC']);

export const isHeadingRole = (role: string) => /^(H[1-6]?|Title)$/.test(role);

interface Walked {
  /** Marked-content id → index of its block in `order`. */
  owner: Map<string, number>;
  order: Array<{ role: string; parent: string; unlabelled: boolean }>;
}

/** Walks a page's tree in order; each paragraph-level element (and what is nested in it) becomes one block. */
function walkTree(root: StructNode): Walked {
  const owner = new Map<string, number>();
  const order: Walked['order'] = [];
  const visit = (node: StructNode, block: number | null, depth: number, path: string): void => {
    if (depth > 64) return;
    if (node.type === 'content') {
      // An id claimed twice is left to its first element: the tree is then partly wrong, the text kept once.
      if (node.id && block !== null && !owner.has(node.id)) owner.set(node.id, block);
      return;
    }
    if (node.type) return; // objects and annotations carry no page text
    const role = node.role ?? '';
    let inner = block;
    if (NESTING_ROLES.has(role)) inner = null;
    else if (
      block === null &&
      (BLOCK_ROLES.has(role) || (SOFT_BLOCK_ROLES.has(role) && !holdsBlocks(node, 0)))
    ) {
      const kids = node.children ?? [];
      const unlabelled = role === 'LI' && !kids.some((k) => k.role === 'Lbl');
      order.push({ role, parent: path, unlabelled });
      inner = order.length - 1;
    }
    const below = inner === null && role !== 'Root' ? (path ? `${path}/${role}` : role) : path;
    for (const kid of node.children ?? []) visit(kid, inner, depth + 1, below);
  };
  visit(root, null, 0, '');
  return { owner, order };
}

function holdsBlocks(node: StructNode, depth: number): boolean {
  if (depth > 64) return false;
  return (node.children ?? []).some(
    (k) => BLOCK_ROLES.has(k.role ?? '') || NESTING_ROLES.has(k.role ?? '') || holdsBlocks(k, depth + 1),
  );
}

const nonBlank = (s: string) => s.replace(/\s+/g, '').length;

/** pdf.js PDF-space baseline of an item: a jump up by more than a line starts a new column or box. */
const baseOf = (i: RawItem) => i.transform[5] ?? 0;
const sizeOf = (i: RawItem) => Math.hypot(i.transform[2] ?? 0, i.transform[3] ?? 0) || 10;

/**
 * An element's items in content-stream order, cut where the text jumps back up the page into another
 * column (beside the text so far, not over it: a producer that draws a paragraph's bold words after its
 * plain ones jumps up too, and those must still merge into their rows). Each run is laid out on its own,
 * so lines keep the stream's order.
 */
function runsOf(items: RawItem[]): RawItem[][] {
  const runs: RawItem[][] = [];
  let run: RawItem[] = [];
  let low = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    if (item.str.length === 0) continue;
    const x = item.transform[4] ?? 0;
    const size = sizeOf(item);
    const beside = x >= right - size || x + Math.abs(item.width) <= left + size;
    if (run.length > 0 && baseOf(item) > low + 1.5 * size && beside) {
      runs.push(run);
      run = [];
      low = Number.POSITIVE_INFINITY;
      left = Number.POSITIVE_INFINITY;
      right = Number.NEGATIVE_INFINITY;
    }
    run.push(item);
    low = Math.min(low, baseOf(item));
    left = Math.min(left, x);
    right = Math.max(right, x + Math.abs(item.width));
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * One page's blocks: the page's items grouped by the element that owns their marked content. Items outside
 * any element but not marked as artifacts become orphan blocks where the stream has them, so no text is lost.
 * `toLines` lays out items exactly as the geometric pipeline does (same fonts, same geometry).
 */
export function tagPage(
  tree: StructNode | null,
  entries: ContentEntry[],
  toLines: (items: RawItem[]) => PdfLine[],
): TaggedPage {
  const { owner, order } = tree ? walkTree(tree) : { owner: new Map<string, number>(), order: [] };
  const itemsOf = new Map<number, RawItem[]>();
  /** Orphan runs, keyed after the block that precedes them in the stream (-1: before any). */
  const orphans: Array<{ after: number; items: RawItem[] }> = [];
  const stack: Array<{ artifact: boolean; block: number | null }> = [];
  let lastBlock = -1;
  let textChars = 0;
  let coveredChars = 0;
  for (const e of entries) {
    if ('str' in e) {
      if (stack.some((s) => s.artifact)) continue;
      const n = nonBlank(e.str);
      const block = [...stack].reverse().find((s) => s.block !== null)?.block ?? null;
      textChars += n;
      if (block !== null) {
        coveredChars += n;
        const list = itemsOf.get(block) ?? [];
        list.push(e);
        itemsOf.set(block, list);
        lastBlock = block;
      } else if (n > 0) {
        const prev = orphans[orphans.length - 1];
        if (prev && prev.after === lastBlock) prev.items.push(e);
        else orphans.push({ after: lastBlock, items: [e] });
      }
      continue;
    }
    if (e.type === 'beginMarkedContent' || e.type === 'beginMarkedContentProps') {
      const block = e.id ? (owner.get(e.id) ?? null) : null;
      stack.push({ artifact: e.tag === 'Artifact', block });
    } else if (e.type === 'endMarkedContent') stack.pop();
  }
  const blocks: TaggedBlock[] = [];
  // One element's row is one line: its segments (a hanging number, a wide gap pdf.js left blank) rejoin.
  const linesOf = (items: RawItem[]) => runsOf(items).flatMap((run) => joinRowSegments(toLines(run)));
  const pushOrphans = (after: number) => {
    for (const o of orphans.filter((x) => x.after === after)) {
      const lines = linesOf(o.items);
      if (lines.length > 0) blocks.push({ role: '', parent: '', lines, unlabelled: false, orphan: true });
    }
  };
  pushOrphans(-1);
  order.forEach((b, i) => {
    const lines = linesOf(itemsOf.get(i) ?? []);
    if (lines.length > 0) blocks.push({ ...b, lines, orphan: false });
    pushOrphans(i);
  });
  return { blocks, textChars, coveredChars };
}

/**
 * A page without a tree in a tagged file (a page added by another tool, a cover): its lines count as text
 * the tree does not reach, and are kept as one untagged block.
 */
export function untaggedPage(lines: PdfLine[]): TaggedPage {
  const textChars = lines.reduce((n, l) => n + nonBlank(l.text), 0);
  return {
    blocks: lines.length > 0 ? [{ role: '', parent: '', lines, unlabelled: false, orphan: true }] : [],
    textChars,
    coveredChars: 0,
  };
}
