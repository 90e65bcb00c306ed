import { hubPropertyKey } from './plan-schema.ts';
import { type BsonDoc, idOf, type UwaziDump } from './read-dump.ts';
import type { ImportReport } from './report.ts';

/** A connection that quotes text of a file: imported as a text reference once the file has its text. */
export type TextConnection = {
  uwaziId: string;
  hub: string;
  sourceSharedId: string;
  fileUwaziId: string;
  quote: string;
  targetSharedId: string;
  relationTypeId: string;
};

export type ConnectionPlan = {
  /** Uwazi template id → relation types of hub connections no relationship property holds. */
  hubRelationTypes: Map<string, string[]>;
  /** sharedId → Uwazi property name (or hub key) → sharedIds to add to that property's values. */
  extraValues: Map<string, Map<string, string[]>>;
  texts: TextConnection[];
};

/**
 * Reads Uwazi's hubs (`connections` rows sharing a `hub`). A hub's untyped row is its "left" side (the
 * entity whose relationship property made it, or who connected from the Information Hub); every typed row is
 * a link from the left entity to that row's entity with that row's relation type. A link the left entity's
 * relationship property of the same relation type already holds is that property's value; one it does not
 * hold is added to it, or, when the template has no property of that type, to a property made for the
 * relation type (one per template and type), so every connection is a relationship here. Rows quoting text
 * (`reference`) become text references.
 */
export function planConnections(
  dump: UwaziDump,
  copyOf: (sharedId: string) => BsonDoc | undefined,
  report: ImportReport,
  /** True for an entity an earlier run imported: its links are already there. */
  imported: (sharedId: string) => boolean = () => false,
): ConnectionPlan {
  const templates = new Map(dump.templates.map((t) => [idOf(t._id), t]));
  const hubs = new Map<string, BsonDoc[]>();
  for (const c of dump.connections) {
    const h = idOf(c.hub);
    hubs.set(h, [...(hubs.get(h) ?? []), c]);
  }
  const hubRelationTypes = new Map<string, string[]>();
  const extraValues = new Map<string, Map<string, string[]>>();
  const texts: TextConnection[] = [];
  const r = report.kinds.connections;
  const addExtra = (sharedId: string, key: string, target: string) => {
    const m = extraValues.get(sharedId) ?? new Map<string, string[]>();
    extraValues.set(sharedId, m);
    m.set(key, [...(m.get(key) ?? []), target]);
  };
  for (const [hub, rows] of hubs) {
    r.read += rows.length;
    const untyped = rows.filter((c) => !c.template);
    const lefts = untyped.length ? untyped : [rows[0]!];
    const rights = rows.filter((c) => !lefts.includes(c));
    if (rights.length === 0) {
      r.failed.push(`hub ${hub}: ${rows.length} rows and none typed, so no link to make`);
      continue;
    }
    // The left rows themselves are the hub's anchor, not a link of their own.
    const count = (left: BsonDoc) => {
      if (imported(String(left.entity))) r.unchanged++;
      else r.imported++;
    };
    for (const left of lefts) count(left);
    for (const left of lefts) {
      const source = copyOf(String(left.entity));
      for (const right of rights) {
        const label = `hub ${hub}, ${String(left.entity)} → ${String(right.entity)}`;
        const target = copyOf(String(right.entity));
        if (!source || !target) {
          r.failed.push(
            `${label}: entity ${source ? String(right.entity) : String(left.entity)} is not in the dump`,
          );
          continue;
        }
        const rtId = idOf(right.template ?? left.template);
        const ref = (left.reference ?? right.reference) as BsonDoc | undefined;
        if (ref && typeof ref.text === 'string' && (left.file || right.file)) {
          const textRow = left.reference ? left : right;
          texts.push({
            uwaziId: `${idOf(left._id)}>${idOf(right._id)}`,
            hub,
            sourceSharedId: String(textRow.entity),
            fileUwaziId: idOf(textRow.file),
            quote: ref.text,
            targetSharedId: String(textRow === left ? right.entity : left.entity),
            relationTypeId: rtId,
          });
          // A text connection: our reference (text → entity) says it all; no relationship value besides.
          count(left);
          continue;
        }
        const template = templates.get(idOf(source.template));
        const props = ((template?.properties ?? []) as BsonDoc[]).filter(
          (p) => p.type === 'relationship' && idOf(p.relationType) === rtId,
        );
        const meta = (source.metadata ?? {}) as Record<string, { value?: unknown }[]>;
        const held = props.some((p) => (meta[String(p.name)] ?? []).some((v) => v.value === right.entity));
        if (!held) {
          if (props.length) addExtra(String(left.entity), String(props[0]!.name), String(right.entity));
          else {
            const tId = idOf(source.template);
            const list = hubRelationTypes.get(tId) ?? [];
            if (!list.includes(rtId)) hubRelationTypes.set(tId, [...list, rtId]);
            addExtra(String(left.entity), hubPropertyKey(rtId), String(right.entity));
          }
        }
        count(left);
      }
    }
  }
  return { hubRelationTypes, extraValues, texts };
}
