import { hasCjk, type QueryAst } from '../domain/query-language/index.ts';
import type { Property } from '../domain/schemas/template.ts';
import { canSee, type Viewer } from '../domain/visibility.ts';
import { markedToHtml, markedToOffsets, markPatterns, markRanges, termPatterns } from './highlight.ts';

/** One line of a result card: a property's values as a reader reads them (titles, labels, dates). */
export type CardFact = {
  property: string;
  label: string;
  type: 'relationship' | 'select' | 'date';
  values: string[];
  more: number;
};

/** A metadata text the words were found in (for a profile: the section), marked. */
export type FieldSnippet = { property: string; label: string; section: string | null; html: string };

export type CardTemplate = { label: string; properties: Property[] };

/** Values listed per fact; the rest is counted ("+7"). */
const FACT_VALUES = 3;
const MAX_FIELD_SNIPPETS = 2;
const TEXT_TYPES = new Set(['text', 'markdown']);

const asList = (v: unknown): string[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** Which properties a card shows: filterable relationships first (where a document is from), then selects and dates. */
function factProperties(props: Property[]): Property[] {
  const shown = (p: Property) => p.filterable || p.showInCard;
  return [
    ...props.filter((p) => p.type === 'relationship' && p.filterable),
    ...props.filter((p) => (p.type === 'select' || p.type === 'date') && shown(p)),
  ];
}

/** Relationship ids a card needs titles for (its facts and the sections that list entities). */
export const relationTargetIds = (template: CardTemplate | undefined, metadata: Record<string, unknown>) =>
  (template?.properties ?? [])
    .filter((p) => p.type === 'relationship')
    .flatMap((p) => asList(metadata[p.name]));

/**
 * The facts of a result card. Relationship values are titles of entities the viewer may see: an anonymous
 * reader gets no title of an unpublished entity (nor a count of them).
 */
export function cardFacts(
  template: CardTemplate | undefined,
  metadata: Record<string, unknown>,
  ctx: {
    labels: Map<string, Map<string, string>>;
    titles: RelatedTitles;
    viewer: Viewer;
  },
): CardFact[] {
  const facts: CardFact[] = [];
  for (const p of factProperties(template?.properties ?? [])) {
    const raw = asList(metadata[p.name]);
    let values: string[];
    if (p.type === 'relationship') values = visibleTitles(raw, ctx.titles, ctx.viewer);
    else if (p.type === 'select') values = raw.map((v) => ctx.labels.get(p.thesaurus ?? '')?.get(v) ?? v);
    else values = raw.slice(0, 1);
    if (!values.length) continue;
    facts.push({
      property: p.name,
      label: p.label,
      type: p.type as CardFact['type'],
      values: values.slice(0, FACT_VALUES),
      more: Math.max(0, values.length - FACT_VALUES),
    });
  }
  return facts;
}

/** Markdown marks a reader should not see in a one-line snippet; matches stay marked. */
const flattenMarkdown = (marked: string) =>
  marked
    .replace(/\*\*|__|`/g, '')
    .replace(/^[ \t]*(?:[-*+]|\d+\.|#{1,6})[ \t]+/gm, '')
    .replace(/\s*\n\s*/g, ' · ');

const snippetOf = (property: Property, marked: string): FieldSnippet => {
  const flat = property.type === 'markdown' ? flattenMarkdown(marked) : marked;
  const { text, ranges } = markedToOffsets(flat);
  return {
    property: property.name,
    label: property.label,
    section: property.section ?? null,
    html: markedToHtml(markRanges(text, ranges)),
  };
};

/** Titles of related entities, each with whether it is published. */
export type RelatedTitles = Map<string, { title: string; published: boolean }>;

/** The titles of the entities `ids` names that the viewer may see (domain/visibility.ts), in order. */
const visibleTitles = (ids: string[], titles: RelatedTitles, viewer: Viewer) =>
  ids.flatMap((id) => {
    const t = titles.get(id);
    return t && canSee(viewer, t) ? [t.title] : [];
  });

/**
 * The texts a card may quote, one per property: text and markdown values, and the titles of the
 * entities a relationship section lists (visible ones only: an anonymous reader never gets the title
 * of an unpublished entity).
 */
export function quotable(
  props: Property[],
  metadata: Record<string, unknown>,
  titles: RelatedTitles,
  viewer: Viewer,
): { property: Property; text: string }[] {
  const out: { property: Property; text: string }[] = [];
  for (const p of props) {
    let text = '';
    if (TEXT_TYPES.has(p.type)) text = asList(metadata[p.name]).join('\n');
    if (p.type === 'relationship') text = visibleTitles(asList(metadata[p.name]), titles, viewer).join('; ');
    if (text.trim()) out.push({ property: p, text });
  }
  return out;
}

/** What a card opens with when no text holds the words: prose, not codes (an ISO code is text too). */
const isProse = (p: Property) => p.type === 'markdown' || (p.type === 'text' && p.showInCard);

/**
 * Where in an entity's metadata the words were found: its texts and listed entities holding them (for a
 * profile, the section that matched), marked with the index's own tokenizer (so "incident" marks
 * "incidents" as the search matched it). When none holds them (the title matched, or only a facet
 * value) and `fallback` is on (no passage of its files matched either), the start of its first prose
 * text, so every hit has a passage to tell it by.
 */
export function fieldSnippets(
  ast: QueryAst,
  hit: { metadata: Record<string, unknown> },
  template: CardTemplate | undefined,
  ctx: {
    titles: RelatedTitles;
    viewer: Viewer;
    fallback: boolean;
    /** The language of the entity's metadata texts (they are analysed in it, as the index did). */
    language?: string | null;
    /** Languages the query is analysed in (the language facet's ticked values); all when unset. */
    languages?: string[];
    /**
     * The texts holding the words, by index, marked by the engine's own tokenizer (PostgreSQL's
     * ts_headline, computed for the page beforehand; FTS5's scratch table). Without it none is marked.
     */
    mark?: (texts: string[]) => Map<number, string>;
  },
): FieldSnippet[] {
  const texts = quotable(template?.properties ?? [], hit.metadata, ctx.titles, ctx.viewer);
  if (!texts.length) return [];
  const found: FieldSnippet[] = [];
  const terms = ast.must.flatMap((c) =>
    c.any.map((t) => ({ text: t.text, prefix: t.kind === 'word' && t.prefix })),
  );
  if (terms.some((t) => t.prefix || hasCjk(t.text))) {
    const patterns = termPatterns(terms);
    for (const part of texts) {
      const m = markPatterns(part.text, patterns);
      if (m.ranges.length) found.push(snippetOf(part.property, m.marked));
    }
  } else {
    const marked = ctx.mark?.(texts.map((p) => p.text)) ?? new Map<number, string>();
    for (const [i, m] of marked) found.push(snippetOf(texts[i]!.property, m));
  }
  if (found.length || !ctx.fallback) return found.slice(0, MAX_FIELD_SNIPPETS);
  const first = texts.find((t) => isProse(t.property));
  return first ? [snippetOf(first.property, first.text)] : [];
}
