/** DOCX → HTML (mammoth: headings from Word's heading styles, lists, tables) → the HTML block splitter. */
import mammoth from 'mammoth';
import { htmlBlocks } from './html.ts';
import type { TextBlock } from './types.ts';
import { checkZipInflation } from './zip-limits.ts';

export type DocxResult = { ok: true; blocks: TextBlock[] } | { ok: false; reason: string };

export async function docxBlocks(bytes: Uint8Array): Promise<DocxResult> {
  const bomb = checkZipInflation(bytes);
  if (bomb) return { ok: false, reason: bomb };
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Images are dropped: they would become huge data: URIs in the HTML and carry no text.
    const result = await mammoth.convertToHtml(
      { buffer },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    return { ok: true, blocks: htmlBlocks(result.value) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `The Word document could not be read (${detail.slice(0, 120)}): it may be damaged or not a real .docx; open it in Word or LibreOffice and save it again.`,
    };
  }
}
