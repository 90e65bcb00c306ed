/**
 * A page's text content as pdf.js's `getTextContent` assembles it, and what the patched worker module says
 * after it (pdfjs-import.mjs, decision 73): whether the page may paint an image. That last chunk holds no
 * items, so the content is `getTextContent`'s.
 */
import type { PDFPageProxy, TextContent } from 'pdfjs-dist/types/src/display/api.js';

export type PageText = {
  content: TextContent;
  /**
   * False when the page paints no image (no image XObject or inline image in its content or forms, no soft
   * mask, no annotation that draws), so its operator list holds no picture; true when it may, or when pdf.js
   * runs unpatched and cannot say.
   */
  mayPaintImage: boolean;
};

export async function readTextContent(
  page: PDFPageProxy,
  params: { includeMarkedContent: boolean },
): Promise<PageText> {
  const content: TextContent = { items: [], styles: Object.create(null), lang: null };
  let mayPaintImage = true;
  // The chunks merged as getTextContent merges them (pdf.js 5, display/api.js).
  for await (const value of page.streamTextContent(params) as unknown as AsyncIterable<
    TextContent & { mayPaintImage?: boolean }
  >) {
    content.lang ??= value.lang;
    Object.assign(content.styles, value.styles);
    content.items.push(...value.items);
    if (value.mayPaintImage === false) mayPaintImage = false;
  }
  return { content, mayPaintImage };
}
