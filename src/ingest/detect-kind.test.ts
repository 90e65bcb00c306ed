import { describe, expect, it } from 'vitest';
import { makeDocx, storedZip } from '../../test/fixtures/pdf/make-docx.ts';
import { detectKind } from './detect-kind.ts';

const b = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('detectKind (magic bytes, never the name)', () => {
  it.each([
    ['pdf', b('%PDF-1.7\n...')],
    ['pdf', b(`${' '.repeat(500)}%PDF-1.4`)],
    ['docx', makeDocx([{ text: 'x' }])],
    ['html', b('<!doctype html><p>x')],
    ['html', b('\n  <!-- c --><html lang="en">')],
    ['text', b('plain words')],
    ['text', new Uint8Array(Buffer.from('# Заголовок\n\n网络', 'utf8'))],
    ['text', new Uint8Array([0xfe, 0xff, 0, 0x41])],
    ['unknown', storedZip({ 'a.txt': 'x' })],
    ['unknown', new Uint8Array([0x41, 0, 0x42])],
    ['unknown', new Uint8Array([0xc3, 0x28])],
    ['unknown', b('{\\rtf1 hello}')],
  ] as const)('%s', (kind, bytes) => {
    expect(detectKind(bytes).kind).toBe(kind);
  });

  it('does not find a PDF header after the first 1024 bytes', () => {
    expect(detectKind(b(`${'x'.repeat(2000)}%PDF-1.4`)).kind).toBe('text');
  });

  it('classifies an empty file', () => {
    expect(detectKind(new Uint8Array(0))).toMatchObject({ kind: 'unknown', empty: true });
  });
});
