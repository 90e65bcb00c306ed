import type { EntityTranslations } from '../../domain/schemas/translations.ts';
import { isContentLanguage } from './labels.ts';
import { mapUwaziValues, type UwaziValue, type ValueContext } from './map-values.ts';
import type { ConnectionPlan } from './plan-connections.ts';
import type { TemplatePlan } from './plan-schema.ts';
import { type BsonDoc, idOf } from './read-dump.ts';
import type { ImportReport } from './report.ts';
import { type People, type Sharing, sharingOf } from './sharing.ts';

/** Uwazi property types whose values differ per language; the others are shared, as ours are. */
const PER_LANGUAGE = new Set(['text', 'markdown', 'link', 'media', 'image']);

export type EntityPlan = {
  sharedId: string;
  id: string;
  existing: boolean;
  template: string;
  title: string;
  language: string;
  published: boolean;
  metadata: Record<string, unknown>;
  translations: EntityTranslations;
  createdAt: string | null;
  updatedAt: string | null;
  uwaziUser: string;
  /** Whom Uwazi shared the entity with, by name (kept as data, not enforced). */
  sharing: Sharing[];
};

const isoOf = (ms: unknown) =>
  typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null;

/**
 * Uwazi's per-language copies of an entity (one document per language sharing a `sharedId`) as one record
 * (decision 31): the default language's copy gives the title, the shared values and `published`; each other
 * copy gives its title and its text, markdown, link and media values as `translations`. Ids of entities
 * already imported are kept; the rest get `newId`, all before any value is mapped, so relationship values
 * can name entities that come later in the dump.
 */
export function planEntities({
  entities,
  defaultLanguage,
  templates,
  connections,
  existingId,
  newId,
  fileUrl,
  people,
  report,
}: {
  entities: BsonDoc[];
  people: People;
  defaultLanguage: string;
  templates: Map<string, TemplatePlan>;
  connections: ConnectionPlan;
  existingId: (sharedId: string) => string | undefined;
  newId: () => string;
  /** Rewrites media and image addresses that point at Uwazi's uploaded files (file-urls.ts). */
  fileUrl?: ValueContext['fileUrl'];
  report: ImportReport;
}): EntityPlan[] {
  const copies = groupCopies(entities);
  const ids = new Map<string, string>();
  for (const sharedId of copies.keys()) ids.set(sharedId, existingId(sharedId) ?? newId());
  const ctx: ValueContext = { entityId: (sharedId: string) => ids.get(sharedId), fileUrl };
  const plans: EntityPlan[] = [];
  const r = report.kinds.entities;
  const shared = { entities: 0, read: 0, write: 0 };
  for (const [sharedId, byLanguage] of copies) {
    r.read++;
    report.kinds.translations.read += byLanguage.size;
    const main = byLanguage.get(defaultLanguage) ?? [...byLanguage.values()][0]!;
    const template = templates.get(idOf(main.template));
    const title = String(main.title ?? '').trim();
    if (!template) {
      r.failed.push(`${sharedId} "${title}": its template ${idOf(main.template)} is not in the dump`);
      continue;
    }
    if (!title) {
      r.failed.push(`${sharedId}: no title in ${String(main.language)}`);
      continue;
    }
    // Uwazi may hold the sharing on some language copies only (the fixture: on es and ar): all of them count.
    const sharing = [
      ...new Map(
        [...byLanguage.values()]
          .flatMap((c) => sharingOf(c.permissions, people))
          .map((x) => [JSON.stringify(x), x] as const),
      ).values(),
    ];
    if (sharing.length) {
      shared.entities++;
      for (const s of sharing) shared[s.level === 'write' ? 'write' : 'read']++;
    }
    const extra = connections.extraValues.get(sharedId);
    const values = (copy: BsonDoc, uwaziName: string): UwaziValue[] => {
      const own = ((copy.metadata ?? {}) as Record<string, UwaziValue[]>)[uwaziName] ?? [];
      const added = (extra?.get(uwaziName) ?? []).map((value) => ({ value }));
      return [...own, ...added];
    };
    const metadata: Record<string, unknown> = {};
    for (const p of template.properties) {
      if (p.type === null) continue;
      const { value, loss } = mapUwaziValues(p.uwaziType, values(main, p.uwaziName), ctx);
      if (loss) r.loss.push(`${sharedId} "${title.slice(0, 60)}" › ${p.name}: ${loss}`);
      if (value !== undefined) metadata[p.name] = value;
    }
    const translations: EntityTranslations = {};
    for (const [lang, copy] of byLanguage) {
      if (copy === main) continue;
      if (!isContentLanguage(lang)) {
        report.kinds.translations.loss.push(
          `${sharedId}: the ${lang} copy is not kept (not one of the six UN languages)`,
        );
        continue;
      }
      const t: { title?: string; metadata?: Record<string, unknown> } = {};
      const tTitle = String(copy.title ?? '').trim();
      if (tTitle) t.title = tTitle.slice(0, 500);
      for (const p of template.properties) {
        if (p.type === null || !PER_LANGUAGE.has(p.uwaziType)) continue;
        const { value, loss } = mapUwaziValues(p.uwaziType, values(copy, p.uwaziName), ctx);
        // The other types' losses are the default copy's too (reported above); an address is per copy.
        if (loss && (p.uwaziType === 'media' || p.uwaziType === 'image'))
          report.kinds.translations.loss.push(`${sharedId} (${lang}) › ${p.name}: ${loss}`);
        if (value !== undefined) t.metadata = { ...t.metadata, [p.name]: value };
      }
      if (t.title || t.metadata) translations[lang] = t;
    }
    plans.push({
      sharedId,
      id: ids.get(sharedId)!,
      existing: existingId(sharedId) !== undefined,
      template: template.input.name,
      title: title.slice(0, 500),
      language: /^[a-z]{2,3}$/.test(String(main.language)) ? String(main.language) : defaultLanguage,
      published: main.published === true,
      metadata,
      translations,
      createdAt: isoOf(main.creationDate),
      updatedAt: isoOf(main.editDate) ?? isoOf(main.creationDate),
      uwaziUser: idOf(main.user),
      sharing,
    });
  }
  if (shared.entities)
    r.loss.push(
      `${shared.entities} entities were shared with Uwazi users or groups (${shared.write} write, ${shared.read} read): ` +
        "who is kept with each entity's import record (import_mappings.data), not enforced, since here every " +
        'signed-in account sees unpublished entities and collaborators and above edit them; published or not is kept',
    );
  return plans;
}

/** sharedId → language → that language's copy. */
function groupCopies(entities: BsonDoc[]): Map<string, Map<string, BsonDoc>> {
  const copies = new Map<string, Map<string, BsonDoc>>();
  for (const e of entities) {
    const sharedId = String(e.sharedId ?? idOf(e._id));
    const m = copies.get(sharedId) ?? new Map<string, BsonDoc>();
    copies.set(sharedId, m);
    m.set(String(e.language ?? ''), e);
  }
  return copies;
}
