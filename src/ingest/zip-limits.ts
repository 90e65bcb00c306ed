/**
 * A DOCX is a ZIP: a few kilobytes can declare, or really inflate to, gigabytes (a "zip bomb" peaked the
 * server at 3.6 GB). Before mammoth unpacks anything, the central directory is read and every XML part is
 * inflated here with a hard output bound, so both the declared and the actual sizes are checked.
 */
import { inflateRawSync } from 'node:zlib';

/** Most uncompressed XML a Word document may hold: a 1,000-page report's document.xml is ~20 MB. */
export const MAX_DOCX_XML_BYTES = 100 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DEFLATED = 8;

type Entry = { name: string; method: number; compressed: number; size: number; offset: number };

function entries(buf: Buffer): Entry[] | null {
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes (after an optional comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    out.push({
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/**
 * Null when the XML parts of the archive stay within `max` bytes once inflated, else a reason a person
 * can act on. A damaged directory returns null: mammoth then reports the damage in its own words.
 */
export function checkZipInflation(bytes: Uint8Array, max = MAX_DOCX_XML_BYTES): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const list = entries(buf);
  if (!list) return null;
  const tooBig = (total: number) =>
    `The Word document unpacks to more than ${mb(max)} of text and markup (${total > max ? mb(total) : 'more'}), far more than any real document: it may be a "zip bomb". Save it again from Word or LibreOffice.`;
  // Only XML parts are read by the converter; images and embedded files are skipped.
  const parts = list.filter((e) => /\.(xml|rels)$/i.test(e.name));
  const declared = parts.reduce((n, e) => n + e.size, 0);
  if (declared > max) return tooBig(declared);
  let budget = max;
  for (const e of parts) {
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL) return null;
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const data = buf.subarray(start, start + e.compressed);
    let size = data.length;
    if (e.method === DEFLATED) {
      try {
        // The declared size may lie: the output bound is the remaining budget, whatever the header says.
        size = inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
          return tooBig(max + 1);
        return null;
      }
    }
    budget -= size;
    if (budget < 0) return tooBig(max - budget);
  }
  return null;
}
