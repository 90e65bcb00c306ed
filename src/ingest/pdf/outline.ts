/** The PDF's outline (bookmarks) with each destination resolved to a page and a top, for the TOC. */
import { MAX_TOC_ENTRIES, type OutlineItem } from '../toc.ts';
import type { PdfDocument } from './load.ts';

type PdfOutlineNode = { title: string; dest: string | unknown[] | null; items?: PdfOutlineNode[] };

/** Page index and top of a destination: `[pageRef, {name: 'XYZ'}, left, top, zoom]` or a named one. */
async function resolve(
  doc: PdfDocument,
  dest: PdfOutlineNode['dest'],
  heights: (page: number) => number,
): Promise<{ page: number; top: number | null } | null> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  if (!Array.isArray(explicit) || explicit.length === 0) return null;
  const ref = explicit[0];
  const index =
    typeof ref === 'number'
      ? ref
      : ref && typeof ref === 'object'
        ? await doc.getPageIndex(ref as Parameters<PdfDocument['getPageIndex']>[0])
        : null;
  if (index === null || index < 0 || index >= doc.numPages) return null;
  const page = index + 1;
  const mode = (explicit[1] as { name?: string } | undefined)?.name;
  const y = mode === 'XYZ' ? explicit[3] : mode === 'FitH' || mode === 'FitBH' ? explicit[2] : null;
  // PDF y grows upwards from the bottom; the layout's tops grow downwards.
  return { page, top: typeof y === 'number' ? heights(page) - y : null };
}

/**
 * Outline items in order with their depth (1 = top level). Entries whose destination cannot be resolved
 * (an action, a broken reference) are left out; a broken outline gives no entries, never a failed file.
 */
export async function readOutline(
  doc: PdfDocument,
  heights: (page: number) => number,
): Promise<OutlineItem[]> {
  let outline: PdfOutlineNode[] | null;
  try {
    outline = (await doc.getOutline()) as PdfOutlineNode[] | null;
  } catch {
    return [];
  }
  const out: OutlineItem[] = [];
  const walk = async (nodes: PdfOutlineNode[], level: number) => {
    for (const node of nodes) {
      if (out.length >= MAX_TOC_ENTRIES) return;
      try {
        const at = await resolve(doc, node.dest, heights);
        if (at) out.push({ title: node.title ?? '', level, ...at });
      } catch {
        // an unresolvable destination: the entry is skipped, its children still count
      }
      if (node.items?.length) await walk(node.items, level + 1);
    }
  };
  await walk(outline ?? [], 1);
  return out;
}
