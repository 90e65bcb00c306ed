import { rectsForRange } from '../../../../domain/anchoring/file-text.ts';
import type { Page } from '../../../../domain/schemas/file.ts';
import type { Highlight } from './highlights.ts';

/** Marks drawn under the text layer from the page's line geometry (PDF points × scale). */
export function HighlightLayer({
  page,
  scale,
  highlights,
}: {
  page: Page;
  scale: number;
  highlights: readonly Highlight[];
}) {
  return (
    <div className="viewer__marks" aria-hidden="true">
      {highlights.flatMap((h, i) =>
        rectsForRange(page.lines, h.start, h.end).map((r) => (
          <div
            key={`${h.kind}-${h.id ?? i}-${r.y}-${r.x}`}
            className={`viewer__mark viewer__mark--${h.kind}`}
            data-reference={h.id}
            title={h.label}
            style={{ left: r.x * scale, top: r.y * scale, width: r.w * scale, height: r.h * scale }}
          />
        )),
      )}
    </div>
  );
}
