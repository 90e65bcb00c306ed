/**
 * The pure extraction pipeline: bytes → kind → pages → lines → paragraphs, with exact offsets.
 * It never throws for bad input: every problem becomes `{status: 'failed', reason}`.
 */
import { createHash } from 'node:crypto';
import type { FileKind } from '../domain/schemas/file.ts';
import { assembleBlocks } from './assemble.ts';
import { decodeText, detectKind, detectKindFromSample, KIND_SAMPLE_BYTES } from './detect-kind.ts';
import { docxBlocks } from './docx.ts';
import { htmlBlocks } from './html.ts';
import { detectLanguage } from './language.ts';
import { normalizeText } from './normalize.ts';
import { extractPdf } from './pdf/extract-pdf.ts';
import { textBlocks } from './text.ts';
import { tocFromHeadings } from './toc.ts';
import type { Extraction, ExtractorResult, ProgressCallback } from './types.ts';

export type { ExtractedPage, ExtractedParagraph, Extraction, ExtractionStatus } from './types.ts';

/** The default upload limit. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export interface ExtractInput {
  bytes: Uint8Array;
  /** Only for messages: the kind always comes from the bytes. */
  filename?: string;
  maxBytes?: number;
  onProgress?: ProgressCallback;
}

function size(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function failed(kind: FileKind, reason: string): Extraction {
  return {
    status: 'failed',
    reason,
    kind,
    language: null,
    fullText: '',
    pages: [],
    paragraphs: [],
    toc: { source: 'headings', entries: [] },
  };
}

export async function extractDocument(input: ExtractInput): Promise<Extraction> {
  const { bytes, onProgress } = input;
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  // Checked before anything reads the content, so a huge upload costs no parsing.
  if (bytes.length > maxBytes) {
    const sample = detectKindFromSample(
      bytes.subarray(0, KIND_SAMPLE_BYTES),
      bytes.subarray(Math.max(0, bytes.length - KIND_SAMPLE_BYTES)),
      bytes.length,
    );
    return failed(
      sample.kind,
      `The file is ${size(bytes.length)}, over the ${size(maxBytes)} limit: split it or compress its images, then upload it again.`,
    );
  }
  const detected = detectKind(bytes);
  const { kind } = detected;
  if (detected.empty) return failed(kind, 'The file is empty (0 bytes): upload it again.');
  let result: ExtractorResult;
  try {
    result = await extractByKind(bytes, detected.kind, detected.encoding, onProgress);
  } catch (error) {
    // Extractors map the errors they expect; this is the net for the ones they do not.
    const detail = error instanceof Error ? error.message : String(error);
    return failed(kind, `The file could not be processed (${detail.slice(0, 160)}).`);
  }
  if (!result.ok) return failed(kind, result.reason);
  const language = assignLanguages(result.fullText, result.paragraphs);
  return {
    status: result.status,
    reason: result.reason,
    kind,
    language,
    fullText: result.fullText,
    pages: result.pages,
    paragraphs: result.paragraphs,
    toc: result.toc ?? { source: 'headings', entries: tocFromHeadings(result.paragraphs) },
    ocrPages: result.ocrPages,
  };
}

async function extractByKind(
  bytes: Uint8Array,
  kind: FileKind,
  encoding: ReturnType<typeof detectKind>['encoding'],
  onProgress?: ProgressCallback,
): Promise<ExtractorResult> {
  switch (kind) {
    case 'pdf':
      return extractPdf(bytes, onProgress);
    case 'docx': {
      const docx = await docxBlocks(bytes);
      if (!docx.ok) return docx;
      return finish(assembleBlocks(docx.blocks), onProgress);
    }
    case 'html':
      return finish(assembleBlocks(htmlBlocks(decodeText(bytes, encoding ?? 'utf-8'))), onProgress);
    case 'text':
      return finish(assembleBlocks(textBlocks(decodeText(bytes, encoding ?? 'utf-8'))), onProgress);
    default: {
      const what = detectKind(bytes).description ?? 'a file of an unsupported type';
      return {
        ok: false,
        reason: `This is ${what}. Supported are PDF, Word (.docx), HTML and plain text (UTF-8 or UTF-16 with a byte-order mark): convert it to one of these.`,
      };
    }
  }
}

/**
 * Sets each paragraph's language (the file's where a paragraph is too short to tell) and returns the
 * file's. A first guess from the start of the text narrows
 * the candidates per paragraph; the file's language is then the one most of its characters are in (a
 * French annex must not make an English file French).
 */
export function assignLanguages(
  fullText: string,
  paragraphs: { text: string; language: string | null }[],
): string | null {
  const guess = detectLanguage(fullText);
  const chars = new Map<string, number>();
  for (const p of paragraphs) {
    p.language = detectLanguage(p.text, { fileLanguage: guess });
    if (p.language) chars.set(p.language, (chars.get(p.language) ?? 0) + p.text.length);
  }
  let language = guess;
  let most = 0;
  for (const [code, n] of chars) {
    if (n > most) {
      most = n;
      language = code;
    }
  }
  // A paragraph too short to tell (a heading, a table cell) is taken to be in its file's language: search
  // analyses each paragraph in its own language, and a heading should stem like the text around it.
  for (const p of paragraphs) p.language ??= language;
  return language;
}

function finish(result: ExtractorResult, onProgress?: ProgressCallback): ExtractorResult {
  if (result.ok) onProgress?.(result.pages.length, result.pages.length);
  return result;
}

/**
 * A key for a paragraph's text, stable across re-extractions: the store keeps a paragraph's id when a
 * re-extracted paragraph has the same key. Whitespace and Unicode composition differences do not count.
 */
export function stableParagraphKey(text: string): string {
  return createHash('sha256').update(normalizeText(text)).digest('base64url').slice(0, 22);
}

/** Keys for a file's paragraphs in order; a repeated text gets "#2", "#3"… so that every key is unique. */
export function stableParagraphKeys(texts: string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((t) => {
    const key = stableParagraphKey(t);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}
