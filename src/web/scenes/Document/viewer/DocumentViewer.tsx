import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRecord, Paragraph } from '../../../../domain/schemas/file.ts';
import { fileDownloadUrl } from '../../../api/documents.ts';
import type { Highlight } from './highlights.ts';
import { PageView } from './PageView.tsx';
import { usePdfDocument } from './pdf.ts';
import { offsetAtPoint, selectedRange, type TextRange } from './selection.ts';
import { scaleFor, type Zoom } from './zoom.ts';
import './Viewer.css';

export type ViewerHandle = {
  /** Scroll to a page; with a paragraph, the page whose `focus` highlight is then scrolled into view. */
  goTo(page: number): void;
  /** The scale the first visible page is drawn at (for zoom steps). */
  currentScale(): number;
};

export type DocumentViewerProps = {
  file: FileRecord;
  paragraphs: readonly Paragraph[];
  zoom: Zoom;
  highlights: readonly Highlight[];
  /** The page a permalink or the URL asks for, scrolled to on open. */
  initialPage: number;
  onPageChange?: (page: number) => void;
  /** A selection made with mouse or keyboard inside the text (null when it is cleared). */
  onSelect?: (range: TextRange | null) => void;
  /** A click on text without a selection: the offset clicked and the connection highlighted there. */
  onTextClick?: (offset: number, referenceId: string | undefined) => void;
  label: string;
};

const DEFAULT_SIZE = { width: 595, height: 842 };

/**
 * Pages of one file in a scrolling column. Only pages near the viewport are drawn and fetched (a 500-page
 * file costs what its visible pages cost); the others keep their size so the scroll bar and `?page=` jumps
 * stay right. PDFs are drawn by pdf.js; other files are shown as paged text.
 */
export const DocumentViewer = forwardRef<ViewerHandle, DocumentViewerProps>(
  function DocumentViewer(props, handle) {
    const { t } = useTranslation();
    const { file, zoom, initialPage, onPageChange, onSelect, onTextClick } = props;
    const isPdf = file.kind === 'pdf';
    const pdf = usePdfDocument(isPdf ? fileDownloadUrl(file.id) : null);
    const scroller = useRef<HTMLDivElement>(null);
    const [box, setBox] = useState({ width: 800, height: 900 });
    const [near, setNear] = useState<Set<number>>(() => new Set([initialPage]));
    const [reveal, setReveal] = useState({ page: initialPage, key: 1 });
    const pageCount = file.pageCount ?? pdf.doc?.numPages ?? 1;
    const fallback = useRef(DEFAULT_SIZE);
    // The page asked for on open; until the viewer has scrolled there, the page on screen is not the
    // reader's and must not overwrite `?page=`.
    const startPage = useRef(initialPage);
    const settled = useRef(initialPage <= 1);

    useEffect(() => {
      const doc = pdf.doc;
      if (!doc) return;
      void doc.getPage(1).then((p) => {
        const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = p.view;
        fallback.current =
          p.rotate % 180 ? { width: y1 - y0, height: x1 - x0 } : { width: x1 - x0, height: y1 - y0 };
      });
    }, [pdf.doc]);

    useEffect(() => {
      const el = scroller.current;
      if (!el) return;
      const ro = new ResizeObserver(([entry]) => {
        if (entry) setBox({ width: entry.contentRect.width, height: entry.contentRect.height });
      });
      ro.observe(el);
      return () => ro.disconnect();
    }, []);

    const scale = useCallback((w: number, h: number) => scaleFor(zoom, box, w, h), [zoom, box]);

    const opened = useRef(false);
    const goTo = useCallback((page: number) => {
      // A jump the reader asks for wins over the initial jump to `?page=` still waiting for the PDF.
      opened.current = true;
      settled.current = true;
      const root = scroller.current;
      const target = root?.querySelector<HTMLElement>(`[data-page="${page}"]`);
      setNear((s) => new Set([...s, page]));
      setReveal((r) => ({ page, key: r.key + 1 }));
      // Scroll the viewer only: scrollIntoView would also scroll the window and hide the toolbar.
      if (root && target) root.scrollTop = target.offsetTop - 12;
    }, []);

    useImperativeHandle(
      handle,
      () => ({
        goTo,
        currentScale: () => scale(fallback.current.width, fallback.current.height),
      }),
      [goTo, scale],
    );

    // Which pages are near enough to draw, and which one the reader is on (the most visible one).
    // biome-ignore lint/correctness/useExhaustiveDependencies: page elements are re-created when the page count changes; observe the new ones
    useEffect(() => {
      const root = scroller.current;
      if (!root) return;
      const ratios = new Map<number, number>();
      const nearObserver = new IntersectionObserver(
        (entries) =>
          setNear((prev) => {
            const next = new Set(prev);
            for (const e of entries) {
              const n = Number((e.target as HTMLElement).dataset.page);
              if (e.isIntersecting) next.add(n);
              else next.delete(n);
            }
            return next;
          }),
        { root, rootMargin: '150% 0px' },
      );
      const currentObserver = new IntersectionObserver(
        (entries) => {
          for (const e of entries)
            ratios.set(Number((e.target as HTMLElement).dataset.page), e.intersectionRatio);
          let best = 0;
          let bestRatio = 0;
          for (const [n, r] of ratios)
            if (r > bestRatio || (r === bestRatio && r > 0 && n < best)) [best, bestRatio] = [n, r];
          if (best && settled.current) onPageChange?.(best);
        },
        { root, threshold: [0, 0.1, 0.25, 0.5, 0.75, 1] },
      );
      for (const el of root.querySelectorAll('[data-page]')) {
        nearObserver.observe(el);
        currentObserver.observe(el);
      }
      return () => {
        nearObserver.disconnect();
        currentObserver.disconnect();
      };
    }, [pageCount, onPageChange]);

    // Open at the page asked for, once the pages have their size.
    useEffect(() => {
      if (opened.current || (isPdf && !pdf.doc)) return;
      opened.current = true;
      if (startPage.current <= 1) return;
      requestAnimationFrame(() => {
        goTo(startPage.current);
        // The scroll's own intersection reports come in the next frames; the page is the reader's after them.
        settled.current = false;
        setTimeout(() => {
          settled.current = true;
        }, 300);
      });
    }, [isPdf, pdf.doc, goTo]);

    const onMouseUp = useCallback(
      (e: React.MouseEvent) => {
        const root = scroller.current;
        if (!root) return;
        const range = selectedRange(root);
        if (range) {
          onSelect?.(range);
          return;
        }
        const offset = offsetAtPoint(e.clientX, e.clientY, root);
        // Marks let clicks through to the text above them, so find the one under the pointer by geometry.
        const mark = Array.from(root.querySelectorAll<HTMLElement>('[data-reference]')).find((el) => {
          const r = el.getBoundingClientRect();
          return e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
        })?.dataset.reference;
        if (offset !== null) onTextClick?.(offset, mark);
      },
      [onSelect, onTextClick],
    );

    // Keyboard selection (caret browsing, shift+arrows) ends with a keyup rather than a mouseup.
    const onKeyUp = useCallback(
      (e: React.KeyboardEvent) => {
        if (!e.shiftKey || !scroller.current) return;
        onSelect?.(selectedRange(scroller.current));
      },
      [onSelect],
    );

    if (pdf.status === 'error' && isPdf)
      return (
        <p className="viewer__error" role="alert">
          {t('viewer.pdfFailed', { message: pdf.error.message })}
        </p>
      );
    return (
      <div
        ref={scroller}
        className="viewer"
        role="document"
        aria-label={props.label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it (axe scrollable-region-focusable)
        tabIndex={0}
        aria-busy={isPdf && !pdf.doc}
        onMouseUp={onMouseUp}
        onKeyUp={onKeyUp}
      >
        {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
          <PageView
            key={n}
            fileId={file.id}
            number={n}
            doc={pdf.doc}
            scaleFor={scale}
            fallbackSize={fallback.current}
            isPdf={isPdf}
            near={near.has(n)}
            highlights={props.highlights}
            paragraphs={props.paragraphs}
            reveal={reveal.page === n ? reveal.key : 0}
          />
        ))}
      </div>
    );
  },
);
