import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../ingest/extract-document.ts';
import { sampleDocuments } from '../documents/index.ts';
import type { SampleDocument } from '../documents/types.ts';
import { versionDocument } from '../load-demo.ts';
import { renderDocumentPdf } from './render-pdf.ts';
import { forRtlLayout, normalizeUnicodeText, scriptOf } from './unicode-fonts.ts';

// The demo's Arabic, Chinese and Russian samples go through the portal's own ingest (pdf.js): each block
// must come out as written, in logical order (Arabic drawn right to left, its lam-alef ligatures, numbers
// inside Arabic lines; Chinese broken between characters), on the page the renderer put it on, with the
// file's language detected, so search finds a phrase in its own script at the right page.
const unicodeVersions: SampleDocument[] = sampleDocuments.flatMap((doc) =>
  [doc, ...(doc.versions ?? []).map((v) => versionDocument(doc, v))].filter((d) => scriptOf(d.language)),
);
const squash = (s: string) => s.replace(/\s+/g, '');

describe('samples in Arabic, Chinese and Russian', () => {
  it('exist in the three scripts', () => {
    expect(unicodeVersions.map((d) => d.language).sort()).toEqual(['ar', 'ru', 'zh']);
  });

  it.each(unicodeVersions.map((d) => [d.language, d] as const))(
    '%s: the ingest reads every block as written, on its page, and detects the language',
    async (language, doc) => {
      const rendered = await renderDocumentPdf(doc);
      const extraction = await extractDocument({ bytes: rendered.pdf, filename: `${doc.key}.pdf` });
      expect(extraction.status).toBe('ready');
      expect(extraction.language).toBe(language);
      const text = squash(extraction.paragraphs.map((p) => p.text).join(''));
      for (const t of rendered.truth.paragraphs.filter((t) => t.block >= 0)) {
        // Chinese lines join without spaces and Arabic ones with them: compared without white space.
        expect(text, t.text.slice(0, 40)).toContain(squash(t.text));
        const head = squash(t.text).slice(0, 12);
        const p = extraction.paragraphs.find((x) => squash(x.text).includes(head));
        expect(p?.page, t.text.slice(0, 40)).toBe(t.page);
      }
    },
    60_000,
  );
});

describe('the Chinese sample font', () => {
  it('is a subset pdf.js loads without a warning, and the text is drawn with it', async () => {
    const doc = sampleDocuments.find((d) => d.versions?.some((v) => v.language === 'zh'))!;
    const zh = versionDocument(doc, doc.versions!.find((v) => v.language === 'zh')!);
    const { pdf } = await renderDocumentPdf(zh);
    // pdf.js warns of a font it cannot read (fontkit's broken CID-keyed subset: "Out of bounds subrIndex"),
    // which the browser then refuses ("Failed to load font") and draws nothing with.
    const log = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const parsed = await getDocument({ data: pdf, verbosity: 1 }).promise;
      const page = await parsed.getPage(1);
      const ops = await page.getOperatorList();
      const content = await page.getTextContent();
      expect(log.mock.calls.map((c) => String(c[0]))).toEqual([]);
      // The characters are shown as text in the embedded font, not as outlines drawn one by one. Counted in
      // the text content: in this process pdf.js's operator lists carry no text operators (decision 71).
      expect(content.items.filter((i) => 'str' in i && i.str.trim() !== '').length).toBeGreaterThan(20);
      expect(ops.fnArray.filter((f) => f === OPS.constructPath).length).toBeLessThan(5);
      await parsed.destroy();
    } finally {
      log.mockRestore();
    }
  }, 60_000);
});

describe('right-to-left helpers', () => {
  it('keep numbers in reading order inside a reversed Arabic run', () => {
    expect(forRtlLayout('في عام 2024 و 12.5%')).toBe('في عام 4202 و %5.21');
  });
  it('normalize white space only, keeping every letter', () => {
    expect(normalizeUnicodeText(' السيد\u00a0 الرئيس،\n中文 ')).toBe('السيد الرئيس، 中文');
  });
});
