import type { Paragraph } from '../../domain/schemas/file.ts';
import type { ConnectionEnd, SampleDocument } from './types.ts';

/** Compare as text: the renderer and the extractor break lines differently, and list items keep their bullet. */
const norm = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[•▪◦–-] /, '');

/**
 * The ingested paragraph that holds block `end.block` of a sample document: the one whose text equals the
 * block's (white space collapsed), or failing that the one that starts with the block's first 60 characters.
 * Throws when none matches, so a sample edit or a segmentation change that breaks a labelled pair fails loudly
 * (bench/suggest and the demo's pre-made connections depend on it).
 */
export function findSampleParagraph(
  doc: SampleDocument,
  end: ConnectionEnd,
  paragraphs: Paragraph[],
): Paragraph {
  const block = doc.blocks[end.block];
  if (!block) throw new Error(`sample ${doc.key} has no block ${end.block}`);
  const want = norm(block.text);
  const exact = paragraphs.find((p) => norm(p.text) === want);
  if (exact) return exact;
  const head = want.slice(0, 60);
  const starting = paragraphs.filter((p) => norm(p.text).startsWith(head));
  if (starting.length === 1) return starting[0]!;
  throw new Error(`sample ${doc.key} block ${end.block} ("${head}…") matches ${starting.length} paragraphs`);
}
