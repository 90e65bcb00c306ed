import type { FileKind } from '../domain/schemas/file.ts';

const startsWith = (buf: Buffer, text: string) => buf.subarray(0, text.length).toString('latin1') === text;

/** True when the sample decodes as UTF-8 (a character cut at the end is fine) and holds no NUL bytes. */
function isUtf8Text(sample: Buffer): boolean {
  if (sample.length === 0 || sample.includes(0)) return false;
  try {
    // stream: true tolerates a multi-byte character split at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A file's kind from its content, never its name: %PDF → pdf; a zip holding word/document.xml → docx;
 * <html or <!doctype → html; valid UTF-8 → text; anything else → unknown. `head` and `tail` are the first
 * and last bytes (64 KB each is plenty: a zip's central directory, which lists its entries, is at the end).
 */
export function detectFileKind(head: Buffer, tail: Buffer = head): FileKind {
  if (startsWith(head, '%PDF-')) return 'pdf';
  if (startsWith(head, 'PK\u0003\u0004')) {
    const marker = Buffer.from('word/document.xml', 'latin1');
    return head.includes(marker) || tail.includes(marker) ? 'docx' : 'unknown';
  }
  const text = head.subarray(startsWith(head, '\u00ef\u00bb\u00bf') ? 3 : 0);
  const start = text.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  if ((start.startsWith('<html') || start.startsWith('<!doctype')) && isUtf8Text(text)) return 'html';
  return isUtf8Text(text) ? 'text' : 'unknown';
}
