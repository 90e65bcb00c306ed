import type { Paragraph } from '../../../../domain/schemas/file.ts';
import { type Highlight, touching } from './highlights.ts';

/** Splits a paragraph at every highlight boundary, so each run carries the kinds that cover it. */
function runs(p: Paragraph, highlights: readonly Highlight[]) {
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
 * A logical page of a file without page geometry (DOCX, HTML, text): its paragraphs as reflowed text. Each
 * run is a span with `data-start`, like the PDF text layer, so selecting and highlighting work the same way.
 */
export function TextPage({
  paragraphs,
  highlights,
}: {
  paragraphs: readonly Paragraph[];
  highlights: readonly Highlight[];
}) {
  return (
    <div className="viewer__textpage">
      {paragraphs.map((p) => {
        const Tag = p.isHeading ? 'h3' : 'p';
        return (
          <Tag key={p.id} data-paragraph={p.id} lang={p.language ?? undefined}>
            {runs(p, highlights).map((r) => (
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
