import { memo } from 'react';
import type { Page } from '../../../../domain/schemas/file.ts';

let measureContext: CanvasRenderingContext2D | null = null;
const FONT = 'sans-serif';

/** Width of `text` at 100px in the text layer's font, to stretch each line over its printed width. */
function textWidth(text: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * 50;
  measureContext.font = `100px ${FONT}`;
  return measureContext.measureText(text).width;
}

/**
 * Invisible, selectable text over the drawn page, one span per extracted line, each stretched over the
 * line's printed box. Built from the stored lines rather than pdf.js's own text layer so that what a reader
 * selects maps one to one to offsets in the stored text (`data-start`), which is what anchors quote.
 */
export const TextLayer = memo(function TextLayer({ page, scale }: { page: Page; scale: number }) {
  return (
    <div className="viewer__text" style={{ fontFamily: FONT }}>
      {page.lines.map((line) => {
        const text = page.text.slice(line.start - page.start, line.end - page.start);
        if (!text) return null;
        const fontSize = line.rect.h * scale * 0.86;
        const natural = (textWidth(text) * fontSize) / 100;
        const stretch = natural > 0 ? (line.rect.w * scale) / natural : 1;
        return (
          <span
            key={line.start}
            data-start={line.start}
            style={{
              left: line.rect.x * scale,
              top: line.rect.y * scale,
              fontSize,
              transform: `scaleX(${stretch})`,
            }}
          >
            {text}
          </span>
        );
      })}
    </div>
  );
});
