import { describe, expect, it } from 'vitest';
import { ORGANISATIONS, STATES_BY_ISO3 } from '../data/index.ts';
import { normalizeText } from '../render/fonts.ts';
import { normalizeUnicodeText, scriptOf } from '../render/unicode-fonts.ts';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPE_IDS,
  GGE_NORM_IDS,
  OEWG_PILLAR_IDS,
  SAMPLE_LABEL,
  SAMPLE_LABELS,
  sampleDocuments,
} from './index.ts';

describe('sample documents', () => {
  it('has at least 14 documents with unique slug keys', () => {
    expect(sampleDocuments.length).toBeGreaterThanOrEqual(14);
    const keys = sampleDocuments.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('labels every document as a sample', () => {
    for (const doc of sampleDocuments) {
      for (const version of [doc, ...(doc.versions ?? [])]) expect(SAMPLE_LABELS).toContain(version.subtitle);
      expect(SAMPLE_LABEL.toLowerCase()).toMatch(/sample/);
    }
  });

  it('uses only valid thesaurus ids, statuses, dates and issuers', () => {
    for (const doc of sampleDocuments) {
      expect(DOCUMENT_TYPE_IDS, doc.key).toContain(doc.documentType);
      expect(DOCUMENT_STATUSES, doc.key).toContain(doc.status);
      for (const pillar of doc.oewgPillars) expect(OEWG_PILLAR_IDS, doc.key).toContain(pillar);
      for (const norm of doc.ggeNorms) expect(GGE_NORM_IDS, doc.key).toContain(norm);
      expect(doc.oewgPillars.length).toBeGreaterThan(0);
      expect(doc.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(doc.date))).toBe(false);
      expect(doc.issuer).toMatch(/^([A-Z]{3}|[a-z][a-z0-9-]*)$/);
      expect(doc.summary.length, doc.key).toBeGreaterThanOrEqual(2);
      expect(doc.summary.length, doc.key).toBeLessThanOrEqual(3);
      expect(doc.issuingBody.length).toBeGreaterThan(0);
    }
  });

  it('names issuers that exist in the demo collection (state ISO3 or organisation slug)', () => {
    const slugs = new Set(ORGANISATIONS.map((o) => o.slug));
    for (const doc of sampleDocuments) {
      const known = /^[A-Z]{3}$/.test(doc.issuer) ? STATES_BY_ISO3.has(doc.issuer) : slugs.has(doc.issuer);
      expect(known, `${doc.key}: issuer ${doc.issuer}`).toBe(true);
    }
  });

  it('covers the variety the demo needs', () => {
    expect(sampleDocuments.filter((d) => d.status === 'in-progress')).toHaveLength(2);
    expect(sampleDocuments.filter((d) => d.layout === 'two-column')).toHaveLength(1);
    expect(sampleDocuments.filter((d) => d.language === 'fr')).toHaveLength(1);
    const types = new Set(sampleDocuments.map((d) => d.documentType));
    for (const t of [
      'national-strategy',
      'implementation-plan',
      'legislation',
      'regulation',
      'oewg-statement',
    ]) {
      expect(types).toContain(t);
    }
    expect(sampleDocuments.some((d) => d.blocks.some((b) => /^Article \d+/.test(b.text)))).toBe(true);
  });

  it('has headings, numbered paragraphs and text that needs no character mapping', () => {
    for (const doc of sampleDocuments) {
      expect(
        doc.blocks.some((b) => b.kind === 'heading'),
        doc.key,
      ).toBe(true);
      const numbered = doc.blocks.filter(
        (b) => b.kind === 'paragraph' && /^(\d+\.|\(\d+\)|Action \d)/.test(b.text),
      );
      // The parliamentary briefing, like real ones, does not number its paragraphs.
      if (doc.layout === 'single') expect(numbered.length, doc.key).toBeGreaterThan(3);
      for (const version of [doc, ...(doc.versions ?? [])]) {
        const normalize = scriptOf(version.language) ? normalizeUnicodeText : normalizeText;
        for (const b of version.blocks) expect(normalize(b.text), doc.key).toBe(b.text);
      }
    }
    expect(
      sampleDocuments.flatMap((d) => d.blocks).filter((b) => b.kind === 'list-item').length,
    ).toBeGreaterThan(20);
  });

  it('has Arabic, Chinese and Russian samples, each also in another language, paragraph for paragraph', () => {
    const languages = (d: (typeof sampleDocuments)[number]): string[] => [
      d.language,
      ...(d.versions ?? []).map((v) => v.language),
    ];
    for (const lang of ['ar', 'zh', 'ru']) {
      const doc = sampleDocuments.find((d) => languages(d).includes(lang));
      expect(doc, lang).toBeDefined();
      expect(languages(doc!).length, lang).toBeGreaterThan(1);
    }
    for (const doc of sampleDocuments) {
      // A translation without a file is in a language of its own: not the original's, not a version's.
      const own = (doc.translations ?? []).map((t) => t.language);
      expect(new Set([...languages(doc), ...own]).size, doc.key).toBe(languages(doc).length + own.length);
    }
    for (const doc of sampleDocuments)
      for (const v of doc.versions ?? []) {
        expect(v.language, doc.key).not.toBe(doc.language);
        expect(
          v.blocks.map((b) => b.kind),
          `${doc.key} ${v.language}`,
        ).toEqual(doc.blocks.map((b) => b.kind));
      }
  });
});
