/**
 * Golden tests for paragraph ends that only the line's end shows (decision 70, pdf/paragraphs.ts): paragraphs
 * set at the line pitch with no gap, no indent and no sentence end, as a list of references or a word
 * processor's "no spacing" style prints them. A line that stops with room for the next line's first word was
 * ended by its writer; a wrapped line never has that room.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract-document.ts';
import { A4, wrap } from './test-fixtures.ts';

describe('paragraph ends at the line pitch', () => {
  it('ends a paragraph at a line that leaves room for the next word, not at a wrapped line', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.TimesRoman);
    const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
    const page = doc.addPage(A4);
    page.drawText('Documents considered by the Working Group', { x: 60, y: 780, size: 15, font: bold });
    // Each entry wraps over two or three lines and ends with its symbol in brackets, not a full stop; the
    // entries follow each other at the line pitch.
    const entries = [
      'Report of the Secretary-General on developments in the field of information and telecommunications in the context of international security, submitted pursuant to resolution 75/32 (A/76/187)',
      'Letter dated 15 March 2024 from the Permanent Representative of Kenya to the United Nations addressed to the Chair of the Open-ended Working Group on security of and in the use of information and communications technologies (A/AC.292/2024/INF/2)',
      'Chair’s summary of the informal intersessional meetings held in New York on the protection of critical infrastructure and on capacity-building (A/AC.292/2024/CRP.1)',
      'Working paper submitted by a group of States on a programme of action to advance responsible State behaviour in the use of information and communications technologies in the context of international security (A/AC.292/2024/WP.5)',
    ];
    let y = 748;
    for (const entry of entries)
      for (const line of wrap(entry, regular, 11, 470)) {
        page.drawText(line, { x: 60, y, size: 11, font: regular });
        y -= 13.5;
      }
    const ex = await extractDocument({
      bytes: await doc.save({ useObjectStreams: false }),
      filename: 'x.pdf',
    });
    expect(ex.status).toBe('ready');
    expect(ex.paragraphs.map((p) => p.text)).toEqual([
      'Documents considered by the Working Group',
      ...entries,
    ]);
    for (const p of ex.paragraphs) expect(ex.fullText.slice(p.start, p.end)).toBe(p.text);
  });

  it('keeps a numbered paragraph whose first line is short before a long word, and a dash that wrapped to a line start', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.TimesRoman);
    const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
    const page = doc.addPage(A4);
    const measure = 380;
    page.drawText('Concept of Cybersecurity 2023–2029', { x: 72, y: 780, size: 16, font: bold });
    // The dash does not fit after "Aerospace" and opens the second line; the sentence goes on.
    const approved =
      'Approved by the Ministry of Digital Development, Innovation and Aerospace — 28 March 2023';
    let y = 750;
    for (const line of wrap(approved, regular, 12, measure)) {
      page.drawText(line, { x: 72, y, size: 12, font: regular });
      y -= 16;
    }
    y -= 14;
    // Numbered paragraphs hang their lines under their text. The second's first line stops short because
    // "telecommunications" does not fit after it: short, numbered, no full stop, yet not a heading.
    const items = [
      [
        '1. This Concept sets out the aims, principles and main directions of State policy',
        'in the field of cybersecurity for the period up to 2029 and the measures to carry it out.',
      ],
      [
        '2. The Concept takes into account the reports of the Group of',
        'telecommunications regulators and of the Working Group on security in the use of information and communications technologies, and the commitments of the Republic within regional organizations.',
      ],
    ];
    for (const [head, rest] of items) {
      page.drawText(head!, { x: 72, y, size: 12, font: regular });
      y -= 16;
      for (const line of wrap(rest!, regular, 12, measure - 24)) {
        page.drawText(line, { x: 96, y, size: 12, font: regular });
        y -= 16;
      }
      y -= 8;
    }
    const ex = await extractDocument({
      bytes: await doc.save({ useObjectStreams: false }),
      filename: 'x.pdf',
    });
    expect(ex.paragraphs.map((p) => [p.text, p.isHeading])).toEqual([
      ['Concept of Cybersecurity 2023–2029', true],
      [approved, false],
      ...items.map((i) => [i.join(' '), false]),
    ]);
  });
});
