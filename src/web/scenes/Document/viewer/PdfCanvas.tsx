import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef } from 'react';

/**
 * One PDF page drawn at `scale` CSS pixels per point, sharp on high-density screens. A render still running
 * when the scale changes or the page scrolls away is cancelled, so fast zooming never queues stale work.
 */
export function PdfCanvas({ doc, page, scale }: { doc: PDFDocumentProxy; page: number; scale: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let task: RenderTask | null = null;
    let cancelled = false;
    void doc.getPage(page).then((p) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = p.getViewport({ scale: scale * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      task = p.render({ canvas, viewport });
      task.promise
        .then(() => {
          // For bench/web: the time from navigation to the first painted page of a visit.
          if (performance.getEntriesByName('first-page-drawn').length === 0)
            performance.mark('first-page-drawn');
        })
        .catch(() => {
          // Cancelled renders reject; nothing to show for them.
        });
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, scale]);
  return <canvas ref={canvasRef} className="viewer__canvas" />;
}
