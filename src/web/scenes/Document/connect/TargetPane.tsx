import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { sliceFileText } from '../../../../domain/anchoring/file-text.ts';
import type { FileRecord, Paragraph } from '../../../../domain/schemas/file.ts';
import { DocumentViewer, type ViewerHandle } from '../viewer/DocumentViewer.tsx';
import type { Highlight } from '../viewer/highlights.ts';
import type { TextRange } from '../viewer/selection.ts';
import type { Passage } from './types.ts';

/** The paragraph holding an offset (a click), for "click a paragraph to choose it". */
export const paragraphAt = (paragraphs: readonly Paragraph[], offset: number) =>
  paragraphs.find((p) => p.start <= offset && offset < p.end);

/** A passage from a range of a file, quoted from its paragraphs exactly as the server stores the text. */
export function passageOf(fileId: string, paragraphs: readonly Paragraph[], range: TextRange): Passage {
  const first = paragraphAt(paragraphs, range.start) ?? paragraphs.find((p) => p.end > range.start);
  return {
    fileId,
    ...range,
    exact: sliceFileText(paragraphs, range.start, range.end),
    page: first?.page ?? 1,
  };
}

/** Step 3's target document, beside the source: selecting text or clicking a paragraph picks the target. */
export function TargetPane({
  title,
  file,
  paragraphs,
  picked,
  reveal,
  onPick,
}: {
  title: string;
  file: FileRecord;
  paragraphs: readonly Paragraph[];
  picked: Passage | null;
  /** A pick made outside the viewer (suggestion, list): a new object scrolls to its page. */
  reveal: { page: number } | null;
  onPick: (p: Passage) => void;
}) {
  const { t } = useTranslation();
  const viewer = useRef<ViewerHandle>(null);
  useEffect(() => {
    if (reveal) viewer.current?.goTo(reveal.page);
  }, [reveal]);
  const highlights = useMemo<Highlight[]>(
    () => (picked ? [{ start: picked.start, end: picked.end, kind: 'selection' }] : []),
    [picked],
  );
  const onSelect = useCallback(
    (range: TextRange | null) => {
      if (range) onPick(passageOf(file.id, paragraphs, range));
    },
    [file.id, paragraphs, onPick],
  );
  const onTextClick = useCallback(
    (offset: number) => {
      const p = paragraphAt(paragraphs, offset);
      if (p) onPick(passageOf(file.id, paragraphs, { start: p.start, end: p.end }));
    },
    [file.id, paragraphs, onPick],
  );
  return (
    <div className="docpage__target">
      <p className="docpage__panehead">
        <span className="muted">{t('connect.targetPane')}</span> {title}
      </p>
      <DocumentViewer
        ref={viewer}
        file={file}
        paragraphs={paragraphs}
        zoom="fit-width"
        highlights={highlights}
        initialPage={1}
        onSelect={onSelect}
        onTextClick={onTextClick}
        label={t('connect.targetViewer', { title })}
      />
    </div>
  );
}
