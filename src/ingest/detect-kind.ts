/**
 * What a file is, from its bytes (never from its name): a `.pdf` that is really text is text.
 */
import type { FileKind } from '../domain/schemas/file.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface KindDetection {
  kind: FileKind;
  /** Zero bytes: nothing to detect; the caller fails the file with "empty". */
  empty: boolean;
  /** For html and text: how to decode the bytes. */
  encoding: TextEncoding | null;
  /** For unknown: a short description a person can act on ("a ZIP archive that is not a Word document"). */
  description: string | null;
}

/** The PDF spec allows junk before the header; Acrobat accepts the header within the first 1024 bytes. */
const PDF_HEADER_WINDOW = 1024;
const HTML_SNIFF_BYTES = 4096;

function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const first = needle.charCodeAt(0);
  const end = Math.min(to, bytes.length) - needle.length;
  outer: for (let i = from; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Decode bytes already classified as text or html. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, HTML_SNIFF_BYTES).replace(/^\uFEFF/, '');
  // The WHATWG sniffing rules: a document that starts (after white space, comments and an XML declaration)
  // with one of these tags is HTML. A bare "<p>" fragment also counts, as browsers would render it.
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|p|div|h[1-6]|article|section|table|title|meta)[\s>/]/i.test(
    head,
  );
}

/** How many bytes from each end the upload keeps to detect a kind (file-storage's samples are this size). */
export const KIND_SAMPLE_BYTES = 64 * 1024;

/** A file's kind from all of its bytes: what ingestion uses. */
export function detectKind(bytes: Uint8Array): KindDetection {
  return classify(bytes, bytes, bytes.length);
}

/**
 * The same detection from the first and last bytes of a file of `size` bytes (what an upload has seen
 * without reading the file again). It agrees with detectKind except for a file whose invalid UTF-8 or NUL
 * byte lies beyond the first sample; ingestion then stores the kind it found.
 */
export function detectKindFromSample(head: Uint8Array, tail: Uint8Array, size: number): KindDetection {
  return classify(head, tail, size);
}

function classify(head: Uint8Array, tail: Uint8Array, size: number): KindDetection {
  const result = (
    kind: FileKind,
    encoding: TextEncoding | null = null,
    description: string | null = null,
  ) => ({
    kind,
    empty: false,
    encoding,
    description,
  });
  if (size === 0) return { kind: 'unknown', empty: true, encoding: null, description: 'an empty file' };
  const complete = head.length >= size;
  // ZIP before PDF: a stored (uncompressed) entry may itself begin with "%PDF-" within the first 1 KB.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    // File names are stored uncompressed in local headers and in the central directory at the end.
    if (indexOfAscii(head, 'word/document.xml') >= 0 || indexOfAscii(tail, 'word/document.xml') >= 0)
      return result('docx');
    return result('unknown', null, 'a ZIP archive that is not a Word (.docx) document');
  }
  if (indexOfAscii(head, '%PDF-', 0, PDF_HEADER_WINDOW + 5) >= 0) return result('pdf');
  let encoding: TextEncoding | null = null;
  let text: string | null = null;
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  if (encoding) {
    text = decodeText(complete ? head : head.subarray(0, head.length - (head.length % 2)), encoding);
    if (text.includes('\u0000')) text = null;
  } else if (!head.includes(0)) {
    try {
      // A sample may end inside a multi-byte character: `stream` tolerates exactly that.
      // (a fresh decoder each time: a streaming one keeps the cut bytes for its next call).
      text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
      encoding = 'utf-8';
    } catch {
      text = null;
    }
  }
  if (text === null || encoding === null) return result('unknown', null, describeBinary(head));
  if (/^\uFEFF?\s*\{\\rtf/.test(text.slice(0, 64))) return result('unknown', null, 'an RTF document');
  return result(looksLikeHtml(text) ? 'html' : 'text', encoding);
}

/** A few well-known signatures, so that the reason names what was uploaded. */
function describeBinary(bytes: Uint8Array): string {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0)
    return 'an old Office (.doc/.xls/.ppt) file';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'a PNG image';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'a JPEG image';
  return 'a binary file of an unsupported type (or text in an encoding other than UTF-8/UTF-16)';
}
