/**
 * Ground truth from a real tagged PDF: the text of each outermost P / H / H1…H6 / LI / TD / TH / TOCI element,
 * page by page, by concatenating its marked content's item strings (a walk written apart from the
 * ingester's tag reader, so the benchmark does not grade the reader with itself). Also the page texts, to
 * tell which truth paragraphs cross a page break.
 */
import { openPdf } from '../../src/ingest/pdf/load.ts';
import type { TruthParagraph } from './f1.ts';

interface Node {
  role?: string;
  type?: string;
  id?: string;
  children?: Node[];
}

const PARAGRAPH = /^(P|H[1-6]?|Title|LI|TD|TH|Caption|TOCI|Formula|BibEntry)$/;
/** Lists, tables and tables of contents inside a paragraph element hold paragraphs of their own. */
const NESTED = /^(L|Table|TOC)$/;

export interface TagTruth {
  paragraphs: TruthParagraph[];
  /** Share of the non-artifact text that the paragraph elements hold. */
  coverage: number;
  /** Every page's text, white space removed. */
  pageTexts: string[];
}

export async function truthFromTags(bytes: Uint8Array): Promise<TagTruth | null> {
  const opened = await openPdf(bytes);
  if (!opened.ok) return null;
  const { doc } = opened;
  const paragraphs: TruthParagraph[] = [];
  const pageTexts: string[] = [];
  let all = 0;
  let held = 0;
  let tagged = false;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const tree = (await page.getStructTree().catch(() => null)) as Node | null;
      const content = await page.getTextContent({ includeMarkedContent: true });
      const byId = new Map<string, string>();
      const stack: Array<{ id: string | null; artifact: boolean }> = [];
      let pageText = '';
      for (const item of content.items) {
        if ('str' in item) {
          pageText += item.str;
          if (stack.some((s) => s.artifact)) continue;
          all += item.str.replace(/\s+/g, '').length;
          const id = [...stack].reverse().find((s) => s.id !== null)?.id ?? null;
          if (id) byId.set(id, (byId.get(id) ?? '') + item.str);
        } else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          stack.push({ id: item.id ?? null, artifact: (item as { tag?: string }).tag === 'Artifact' });
        } else if (item.type === 'endMarkedContent') stack.pop();
      }
      pageTexts.push(pageText.replace(/\s+/g, ''));
      if (!tree) continue;
      const nested: Node[] = [];
      const textOf = (node: Node): string => {
        if (node.type === 'content') return byId.get(node.id ?? '') ?? '';
        if (node.role && NESTED.test(node.role)) {
          nested.push(node);
          return '';
        }
        return (node.children ?? []).map(textOf).join('');
      };
      const visit = (node: Node): void => {
        if (node.role && PARAGRAPH.test(node.role)) {
          const text = textOf(node).replace(/\s+/g, ' ').trim();
          held += text.replace(/\s+/g, '').length;
          tagged = true;
          if (text) paragraphs.push({ text, isHeading: /^(H[1-6]?|Title)$/.test(node.role) });
          for (const n of nested.splice(0)) visit(n);
          return;
        }
        for (const k of node.children ?? []) visit(k);
      };
      visit(tree);
      page.cleanup();
    }
  } finally {
    await opened.destroy();
  }
  if (!tagged) return null;
  for (const p of paragraphs) {
    const k = p.text.replace(/\s+/g, '');
    p.crossesPage = pageTexts.length > 1 && !pageTexts.some((t) => t.includes(k));
  }
  return { paragraphs, coverage: all === 0 ? 0 : held / all, pageTexts };
}
