import { PARAGRAPH_SEPARATOR } from '../../../../domain/anchoring/file-text.ts';
import type { Page, Paragraph } from '../../../../domain/schemas/file.ts';
import { type Highlight, touching } from './highlights.ts';

type Block = { start: number; end: number; text: string };

/** A logical page's paragraphs, cut from the page's own text (the file's text between its offsets). */
function blocksOf(page: Page): Block[] {
  const blocks: Block[] = [];
  let at = 0;
  for (const text of page.text.split(PARAGRAPH_SEPARATOR)) {
    if (text) blocks.push({ start: page.start + at, end: page.start + at + text.length, text });
    at += text.length + PARAGRAPH_SEPARATOR.length;
  }
  return blocks;
}

/** Splits a block at every highlight boundary, so each run carries the kinds that cover it. */
function runs(p: Block, highlights: readonly Highlight[]) {
  const mine = touching(highlights, p.start, p.end);
  const cuts = new Set([p.start, p.end]);
  for (const h of mine) {
    if (h.start > p.start && h.start < p.end) cuts.add(h.start);
    if (h.end > p.start && h.end < p.end) cuts.add(h.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((start, i) => {
    const end = sorted[i + 1]!;
    return {
      start,
      end,
      text: p.text.slice(start - p.start, end - p.start),
      marks: touching(mine, start, end),
    };
  });
}

/**
 * A logical page of a file without page geometry (DOCX, HTML, text) as reflowed text. It needs only the
 * page (not the file's whole paragraph list), so a long report shows its first page as soon as that page
 * arrives. Each run is a span with `data-start`, like the PDF text layer: selecting and highlighting work
 * the same way. Headings are known once the paragraphs are.
 */
export function TextPage({
  page,
  paragraphs,
  highlights,
}: {
  page: Page;
  paragraphs: readonly Paragraph[];
  highlights: readonly Highlight[];
}) {
  const headings = new Set(paragraphs.filter((p) => p.isHeading).map((p) => p.start));
  return (
    <div className="viewer__textpage">
      {blocksOf(page).map((b) => {
        const Tag = headings.has(b.start) ? 'h3' : 'p';
        return (
          <Tag key={b.start}>
            {runs(b, highlights).map((r) => (
              <span
                key={r.start}
                data-start={r.start}
                data-reference={r.marks.find((m) => m.id)?.id}
                title={r.marks.find((m) => m.label)?.label}
                className={r.marks.map((m) => `viewer__run--${m.kind}`).join(' ') || undefined}
              >
                {r.text}
              </span>
            ))}
          </Tag>
        );
      })}
    </div>
  );
}
