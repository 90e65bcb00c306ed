import { describe, expect, it } from 'vitest';
import { makeDocx, storedZip } from '../../test/fixtures/pdf/make-docx.ts';
import { detectFileKind } from '../operations/detect-file-kind.ts';
import { detectKind } from './detect-kind.ts';
import { extractDocument } from './extract-document.ts';

/** What the upload sees: the first and last 64 KB of the bytes (file-storage's samples). */
const SAMPLE = 64 * 1024;
const atUpload = (bytes: Uint8Array) =>
  detectFileKind(
    Buffer.from(bytes.subarray(0, SAMPLE)),
    Buffer.from(bytes.subarray(Math.max(0, bytes.length - SAMPLE))),
    bytes.length,
  );

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf16le = (s: string) =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]));
};

const CASES: [string, Uint8Array, string][] = [
  ['a PDF after leading white space', latin1('\r\n  \n%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'), 'pdf'],
  ['UTF-16LE text with a BOM', utf16le('Stratégie nationale de cybersécurité.'), 'text'],
  ['UTF-16BE text with a BOM', utf16be('Stratégie nationale.'), 'text'],
  ['UTF-16LE HTML with a BOM', utf16le('<!doctype html><p>Bonjour</p>'), 'html'],
  ['RTF', latin1('{\\rtf1\\ansi Hello}'), 'unknown'],
  ['RTF after a BOM and white space', new Uint8Array(Buffer.from('\ufeff \n{\\rtf1 x}', 'utf8')), 'unknown'],
  ['a ZIP that stores a file starting with %PDF-', storedZip({ 'a.pdf': '%PDF-1.4 inner' }), 'unknown'],
  ['a Word document', makeDocx([{ text: 'x' }]), 'docx'],
  [
    'a Word document whose entry list is only in the last bytes',
    storedZip({ 'a.bin': 'x'.repeat(200_000), 'word/document.xml': '<w:document/>' }),
    'docx',
  ],
  [
    'UTF-8 text cut inside a character at the 64 KB sample',
    new Uint8Array(Buffer.from(`${'a'.repeat(SAMPLE - 1)}é and more`, 'utf8')),
    'text',
  ],
  ['HTML', latin1('<!doctype html><p>x</p>'), 'html'],
  ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'unknown'],
];

describe('one kind detector for upload and ingestion', () => {
  it.each(CASES)('%s: the upload and ingestion agree', (_, bytes, kind) => {
    expect(detectKind(bytes).kind).toBe(kind);
    expect(atUpload(bytes)).toBe(kind);
  });

  it('reads UTF-16 text as text', async () => {
    const ex = await extractDocument({ bytes: utf16le('Première phrase.\n\nDeuxième phrase.') });
    expect(ex).toMatchObject({ status: 'ready', kind: 'text' });
    expect(ex.paragraphs.map((p) => p.text)).toEqual(['Première phrase.', 'Deuxième phrase.']);
  });

  it('refuses RTF with a reason that says what to do', async () => {
    const ex = await extractDocument({ bytes: latin1('{\\rtf1\\ansi Hello}') });
    expect(ex.status).toBe('failed');
    expect(ex.reason).toMatch(/RTF.*convert it/);
  });

  it('gives a ZIP holding a PDF a ZIP reason, not a PDF one', async () => {
    const ex = await extractDocument({ bytes: storedZip({ 'a.pdf': '%PDF-1.4 inner' }) });
    expect(ex).toMatchObject({ status: 'failed', kind: 'unknown' });
    expect(ex.reason).toMatch(/ZIP archive/);
  });

  it('names the kind of a file over the size limit from its content', async () => {
    const ex = await extractDocument({ bytes: latin1(`  %PDF-1.4 ${'x'.repeat(100)}`), maxBytes: 50 });
    expect(ex).toMatchObject({ status: 'failed', kind: 'pdf' });
  });
});
