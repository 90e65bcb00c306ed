import type { Page } from 'playwright-core';
import { formatPartialDate } from '../../src/web/lib/format.ts';

/** The pseudo-language's markers: every string of the interface is shown as ⟦…⟧. */
export const OPEN = '⟦';
export const CLOSE = '⟧';

type Catalogue = { [key: string]: string | Catalogue };

/** The English catalogue with every string wrapped in the markers (placeholders and plural keys kept). */
export function pseudoCatalogue(en: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(en).map(([k, v]) => [
      k,
      typeof v === 'string' ? `${OPEN}${v}${CLOSE}` : pseudoCatalogue(v),
    ]),
  );
}

/**
 * Every string value of the API's JSON answers the page received: content data (state names, section
 * labels, thesaurus values, document text), which the interface shows as it is.
 */
export function recordContent(page: Page): Set<string> {
  const content = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === 'string') {
      content.add(value);
      // Snippets come as HTML (marks, escaped quotes): the page shows their text.
      if (/[<&]/.test(value))
        content.add(
          value
            .replace(/<[^>]+>/g, '')
            .replace(/&#39;|&#x27;|&apos;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&'),
        );
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  page.on('response', async (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return;
    if (!(res.headers()['content-type'] ?? '').includes('json')) return;
    collect(await res.json().catch(() => null));
  });
  return content;
}

export type Finding = { kind: string; text: string; where: string };

/**
 * Visible text nodes, and aria-label, title, placeholder and alt attributes, that are neither inside the
 * markers nor free of letters. Markers are followed across text nodes in document order, so a translated
 * string with markup or an interpolated value inside it counts as marked.
 */
export async function unmarkedText(page: Page): Promise<Finding[]> {
  return page.evaluate(
    ({ open, close }) => {
      const found: { kind: string; text: string; where: string }[] = [];
      const letters = /\p{L}/u;
      const where = (el: Element | null) => {
        const parts: string[] = [];
        for (let e = el; e && parts.length < 3; e = e.parentElement)
          parts.unshift(e.tagName.toLowerCase() + (e.classList[0] ? `.${e.classList[0]}` : ''));
        return parts.join(' > ');
      };
      let depth = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const startDepth = depth;
        for (const ch of text) {
          if (ch === open) depth++;
          else if (ch === close) depth = Math.max(0, depth - 1);
        }
        const parent = node.parentElement;
        if (!parent || startDepth > 0 || text.includes(open) || text.includes(close)) continue;
        if (!letters.test(text) || parent.closest('script, style, noscript, template')) continue;
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
        found.push({ kind: 'text', text: text.trim(), where: where(parent) });
      }
      for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = el.getAttribute(attr);
          if (value && letters.test(value) && !value.includes(open))
            found.push({ kind: attr, text: value.trim(), where: where(el) });
        }
      if (!document.title.includes(open))
        found.push({ kind: 'document title', text: document.title, where: 'head' });
      return found;
    },
    { open: OPEN, close: CLOSE },
  );
}

/** Pieces a component joins content with (`Section › Property`, `Region · Type`, a list). */
const JOINS = /\s*(?:·|›|‹|—|–|,|;|:|\(|\))\s*/;

const TIMESTAMP_STYLES: Intl.DateTimeFormatOptions[] = [
  { dateStyle: 'medium' },
  { dateStyle: 'medium', timeStyle: 'short' },
];

const spaced = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The findings that are not content data either (whole, or each piece between the joins above). Content
 * may be shown shortened (a trailing or leading …) and dates formatted by Intl, so those forms count too.
 */
export function untranslated(findings: Finding[], content: Set<string>, allowed: string[] = []): Finding[] {
  const values = [...content].map(spaced);
  for (const v of content) {
    if (/^\d{4}-\d{2}(-\d{2})?/.test(v)) values.push(formatPartialDate(v.slice(0, 10), 'en'));
    // Timestamps (activity, last sign-in) shown by Intl in the short forms the admin screens use.
    if (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)))
      for (const style of TIMESTAMP_STYLES)
        values.push(spaced(new Intl.DateTimeFormat('en', style).format(new Date(v))));
  }
  const isContent = (raw: string) => {
    const piece = spaced(raw).replace(/^[\s….,;:—–-]+|[\s…]+$/g, '');
    return !/\p{L}/u.test(piece) || allowed.includes(piece) || values.some((v) => v.includes(piece));
  };
  return findings.filter(
    (f) =>
      f.kind === 'document title' ||
      !(isContent(f.text) || f.text.split(JOINS).every((p) => isContent(p.trim()))),
  );
}
