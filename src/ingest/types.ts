/** Types shared by the extractors. The output shapes come from the domain schemas (src/domain/schemas/file.ts). */
import type { FileKind, Page, Paragraph } from '../domain/schemas/file.ts';
import type { TocOf } from './toc.ts';

export type ExtractedPage = Omit<Page, 'fileId'>;
export type ExtractedParagraph = Omit<Paragraph, 'id' | 'fileId'>;

export type ExtractionStatus = 'ready' | 'failed' | 'needs-ocr';

export interface Extraction {
  status: ExtractionStatus;
  /** Why the file failed or needs attention, in words a person can act on; null when ready. */
  reason: string | null;
  kind: FileKind;
  language: string | null;
  /** Paragraph texts joined with "\n\n"; every offset points into this string (UTF-16 code units). */
  fullText: string;
  pages: ExtractedPage[];
  paragraphs: ExtractedParagraph[];
  /** The table of contents: the PDF's outline, else the headings. */
  toc: TocOf;
  /** Pages of a PDF with text that are pictures without text: an OCR job reads them. */
  ocrPages?: number[];
}

/** A paragraph-level block of a file without pages (DOCX, HTML, text), already whitespace-normalised. */
export interface TextBlock {
  text: string;
  isHeading: boolean;
}

export type ProgressCallback = (pagesDone: number, pageCount: number) => void;

/** The result of an extractor before languages are filled in by extract-document.ts. */
export type ExtractorResult =
  | {
      ok: true;
      status: 'ready' | 'needs-ocr';
      reason: string | null;
      fullText: string;
      pages: ExtractedPage[];
      paragraphs: ExtractedParagraph[];
      /** Set by extractors that know more than the headings (a PDF's outline); else built from headings. */
      toc?: TocOf;
      ocrPages?: number[];
    }
  | { ok: false; reason: string };
