import type { PDFDocumentProxy } from 'pdfjs-dist';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../../../domain/schemas/file.ts';
import type { ReferenceView } from '../../../../domain/schemas/reference-view.ts';
import { usePageBlock, usePageReferences } from '../../../api/documents.ts';
import { HighlightLayer } from './HighlightLayer.tsx';
import { type Highlight, touching } from './highlights.ts';
import { PdfCanvas } from './PdfCanvas.tsx';
import { TextLayer } from './TextLayer.tsx';
import { TextPage } from './TextPage.tsx';

/**
 * The ends of connections that lie in this file, as highlights labelled from this file's side. An orphaned
 * connection is not drawn: its lost end's offsets were kept from the old version and would mark whatever
 * text now sits there (the connections panel lists it, with its old quote and "Re-attach").
 */
function referenceHighlights(refs: readonly ReferenceView[], fileId: string): Highlight[] {
  const out: Highlight[] = [];
  for (const r of refs) {
    if (r.orphaned) continue;
    if (r.source.fileId === fileId)
      out.push({
        ...r.source,
        kind: 'reference',
        id: r.id,
        label: `${r.relationLabel}: ${r.targetPlace.entityTitle}`,
      });
    if (r.target?.fileId === fileId)
      out.push({
        ...r.target,
        kind: 'reference',
        id: r.id,
        label: `${r.inverseLabel}: ${r.sourcePlace.entityTitle}`,
      });
  }
  return out;
}

export type PageViewProps = {
  fileId: string;
  number: number;
  /** The parsed PDF once loaded (null before, and for files shown as paged text). */
  doc: PDFDocumentProxy | null;
  /** A PDF file: its pages are drawn, with the text layer over them (which needs only the stored lines). */
  isPdf: boolean;
  /** CSS pixels per PDF point for a page of this width and height. */
  scaleFor: (width: number, height: number) => number;
  /** Size to reserve before the page's geometry has loaded (the first page's). */
  fallbackSize: { width: number; height: number };
  /** Near the viewport: draw and fetch; far pages are empty boxes of the right size. */
  near: boolean;
  highlights: readonly Highlight[];
  paragraphs: readonly Paragraph[];
  /** Non-zero: scroll this page's `focus` highlight into view once drawn (a new number scrolls again). */
  reveal: number;
};

/** One page of the viewer: the drawn PDF page (or paged text), its marks and its selectable text. */
export const PageView = memo(function PageView(props: PageViewProps) {
  const { t } = useTranslation();
  const { fileId, number, doc, isPdf, near, paragraphs, reveal } = props;
  const ref = useRef<HTMLElement>(null);
  const block = usePageBlock(fileId, near ? number : 1);
  const page = near ? block.data?.find((p) => p.number === number) : undefined;
  const refs = usePageReferences(fileId, number, near);
  const isText = !isPdf || (page !== undefined && page.width === 0);
  const width = page?.width || props.fallbackSize.width;
  const height = page?.height || props.fallbackSize.height;
  const scale = props.scaleFor(width, height);

  const highlights = useMemo(() => {
    const own = referenceHighlights(refs.data?.items ?? [], fileId);
    const all = [...own, ...props.highlights];
    return page ? touching(all, page.start, page.end) : all;
  }, [refs.data, fileId, props.highlights, page]);

  const onThisPage = useMemo(
    () => paragraphs.filter((p) => p.page <= number && p.pageEnd >= number),
    [paragraphs, number],
  );

  useEffect(() => {
    if (!reveal || !page) return;
    const target = ref.current?.querySelector('.viewer__mark--focus, .viewer__run--focus');
    const scroller = ref.current?.closest('.viewer');
    if (!target || !scroller) return;
    const offset = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    scroller.scrollTop += offset - scroller.clientHeight / 3;
  }, [reveal, page]);

  return (
    <section
      ref={ref}
      className={isText ? 'viewer__page viewer__page--text' : 'viewer__page'}
      data-page={number}
      aria-label={t('viewer.pageLabel', { number })}
      style={isText ? undefined : { width: width * scale, height: height * scale }}
    >
      {near && !isText && doc && <PdfCanvas doc={doc} page={number} scale={scale} />}
      {page && !isText && <HighlightLayer page={page} scale={scale} highlights={highlights} />}
      {page && !isText && <TextLayer page={page} scale={scale} />}
      {page && isText && <TextPage page={page} paragraphs={onThisPage} highlights={highlights} />}
      {!page && near && block.isError && <p className="viewer__pageerror">{t('viewer.pageFailed')}</p>}
      <span className="viewer__pagenumber" aria-hidden="true">
        {number}
      </span>
    </section>
  );
});
