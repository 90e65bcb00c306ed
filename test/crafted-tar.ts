import { gzipSync } from 'node:zlib';

/** One entry of a hand-written tar: any path and type, so tests can build archives `tar` itself would refuse. */
export type CraftedEntry = {
  path: string;
  /** '0' file, '1' hard link, '2' symlink, '3' character device, '5' directory. */
  type?: '0' | '1' | '2' | '3' | '5';
  content?: string | Buffer;
  linkTo?: string;
};

function header(e: CraftedEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  const put = (text: string, at: number, len: number) => h.write(text, at, len, 'latin1');
  const octal = (n: number, len: number) => `${n.toString(8).padStart(len - 1, '0')}\0`;
  put(e.path, 0, 100);
  put(octal(e.type === '5' ? 0o755 : 0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  put('        ', 148, 8);
  put(e.type ?? '0', 156, 1);
  put(e.linkTo ?? '', 157, 100);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

/** A .tar.gz of exactly these entries, written byte by byte (ustar headers, no validation at all). */
export function craftTarGz(entries: CraftedEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const body = e.type && e.type !== '0' ? Buffer.alloc(0) : Buffer.from(e.content ?? '');
    parts.push(header(e, body.length), body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}
