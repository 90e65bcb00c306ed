import type { RelationTypeInput } from '../../domain/schemas/reference.ts';
import type { Property, TemplateInput } from '../../domain/schemas/template.ts';
import type { ThesaurusInput, ThesaurusValue } from '../../domain/schemas/thesaurus.ts';
import { labelIndex } from './labels.ts';
import { mapPropertyType } from './map-values.ts';
import { camelName, pascalName, slugName, uniqueName, valueId } from './names.ts';
import { type BsonDoc, idOf, type UwaziDump } from './read-dump.ts';
import type { ImportReport } from './report.ts';

/** Mappings of earlier runs, by kind then Uwazi id → our id or name. */
export type Mappings = Map<string, Map<string, string>>;

/** One imported property: its Uwazi name and type and ours (type null: not imported). */
export type PropertyPlan = {
  uwaziName: string;
  uwaziType: string;
  name: string;
  type: Property['type'] | null;
};

export type TemplatePlan = {
  uwaziId: string;
  /** Already imported by an earlier run (then `input` is what that run would have written). */
  existing: boolean;
  input: TemplateInput;
  properties: PropertyPlan[];
};

export type SchemaPlan = {
  relationTypes: { uwaziId: string; existing: boolean; input: RelationTypeInput }[];
  thesauri: { uwaziId: string; existing: boolean; input: ThesaurusInput }[];
  templates: TemplatePlan[];
  /** Uwazi template id → our template name. */
  templateName: Map<string, string>;
  /** Uwazi relation type id → our relation type name. */
  relationTypeName: Map<string, string>;
};

/** The property that carries a template's hub-only connections of one relation type (see plan-connections). */
export const hubPropertyKey = (relationTypeId: string) => `hub:${relationTypeId}`;

/**
 * Relation types, thesauri and templates of the dump as our inputs, with names that match our patterns and
 * the Uwazi labels kept (labels in other languages from Uwazi's translations). Names found in the mapping of
 * an earlier run are reused; new ones avoid every name already taken here.
 */
export function planSchema({
  dump,
  defaultLanguage,
  mappings,
  taken,
  hubRelationTypes,
  report,
}: {
  dump: UwaziDump;
  defaultLanguage: string;
  mappings: Mappings;
  taken: { templates: Set<string>; thesauri: Set<string>; relationTypes: Set<string> };
  /** Uwazi template id → relation type ids of its hub-only connections, each becoming a property. */
  hubRelationTypes: Map<string, string[]>;
  report: ImportReport;
}): SchemaPlan {
  const labels = labelIndex(dump, defaultLanguage);
  const mapped = (kind: string, id: string) => mappings.get(kind)?.get(id);

  const relationTypeName = new Map<string, string>();
  const relationTypes = dump.relationtypes.map((r) => {
    const uwaziId = idOf(r._id);
    const label = String(r.name ?? '').trim() || uwaziId;
    const before = mapped('relationType', uwaziId);
    const name = before ?? uniqueName(slugName(label, 'relation'), taken.relationTypes, '-');
    relationTypeName.set(uwaziId, name);
    const l = labels(uwaziId, label);
    report.kinds.relationTypes.read++;
    // Uwazi names one direction only; the inverse reads the same until someone names it.
    return {
      uwaziId,
      existing: before !== undefined,
      input: { name, label, inverseLabel: label, ...(l ? { labels: l, inverseLabels: l } : {}) },
    };
  });

  const thesaurusName = new Map<string, string>();
  const thesauri = dump.dictionaries.map((d) => {
    const uwaziId = idOf(d._id);
    const label = String(d.name ?? '').trim() || uwaziId;
    const before = mapped('thesaurus', uwaziId);
    const name = before ?? uniqueName(camelName(label, 'thesaurus'), taken.thesauri);
    thesaurusName.set(uwaziId, name);
    report.kinds.thesauri.read++;
    return { uwaziId, existing: before !== undefined, input: thesaurusInput(d, name, label, labels, report) };
  });

  const templateName = new Map<string, string>();
  for (const t of dump.templates) {
    const uwaziId = idOf(t._id);
    const label = String(t.name ?? '').trim() || uwaziId;
    templateName.set(
      uwaziId,
      mapped('template', uwaziId) ?? uniqueName(pascalName(label, 'Template'), taken.templates),
    );
  }
  // One Uwazi property name keeps one type in every template ("common filters"); ours keeps one name too.
  const propertyNames = new Map<string, string>();
  const templates = dump.templates.map((t): TemplatePlan => {
    const uwaziId = idOf(t._id);
    const label = String(t.name ?? '').trim() || uwaziId;
    const name = templateName.get(uwaziId)!;
    report.kinds.templates.read++;
    const takenProps = new Set<string>();
    const properties: PropertyPlan[] = [];
    const inputs: Property[] = [];
    for (const p of (t.properties ?? []) as BsonDoc[]) {
      report.kinds.properties.read++;
      const uwaziName = String(p.name ?? '');
      const uwaziType = String(p.type ?? '');
      const pLabel = String(p.label ?? '').trim() || uwaziName;
      const { type, loss } = mapPropertyType(uwaziType);
      if (loss) report.kinds.properties.loss.push(`${label} › ${pLabel} (${uwaziType}): ${loss}`);
      const key = `${uwaziId}/${uwaziName}`;
      const pName =
        mapped('property', key) ??
        uniqueName(propertyNames.get(uwaziName) ?? camelName(pLabel, 'property'), takenProps);
      if (!propertyNames.has(uwaziName)) propertyNames.set(uwaziName, pName);
      takenProps.add(pName);
      properties.push({ uwaziName, uwaziType, name: pName, type });
      if (type === null) continue;
      const l = labels(uwaziId, pLabel);
      const prop: Property = {
        name: pName,
        label: pLabel.slice(0, 200),
        ...(l ? { labels: l } : {}),
        type,
        required: p.required === true,
        filterable: p.filter === true,
        showInCard: p.showInCard === true,
      };
      if (type === 'select' || type === 'multiselect') {
        const th = thesaurusName.get(idOf(p.content));
        if (!th) {
          report.kinds.properties.failed.push(
            `${label} › ${pLabel}: its thesaurus ${idOf(p.content)} is not in the dump`,
          );
          properties.pop();
          continue;
        }
        prop.thesaurus = th;
      }
      if (type === 'relationship') {
        const target = templateName.get(idOf(p.content));
        if (target) prop.targetTemplate = target;
        const rt = relationTypeName.get(idOf(p.relationType));
        if (rt) prop.relationType = rt;
        const inherit = p.inherit as BsonDoc | undefined;
        if (inherit?.property)
          report.kinds.properties.loss.push(
            `${label} › ${pLabel}: Uwazi showed a value inherited from the target (property ${idOf(inherit.property)}); shown here on the target only`,
          );
      }
      inputs.push(prop);
    }
    for (const rtId of hubRelationTypes.get(uwaziId) ?? []) {
      const rtLabel = dump.relationtypes.find((r) => idOf(r._id) === rtId)?.name;
      const pLabel = String(rtLabel ?? rtId);
      const key = `${uwaziId}/${hubPropertyKey(rtId)}`;
      const pName = mapped('property', key) ?? uniqueName(camelName(pLabel, 'connection'), takenProps);
      properties.push({
        uwaziName: hubPropertyKey(rtId),
        uwaziType: 'relationship',
        name: pName,
        type: 'relationship',
      });
      report.notes.push(
        `${label} › ${pLabel}: a relationship property made for the hub connections of type "${pLabel}" that no property of the template held`,
      );
      const l = labels(rtId, pLabel);
      inputs.push({
        name: pName,
        label: pLabel.slice(0, 200),
        ...(l ? { labels: l } : {}),
        type: 'relationship',
        required: false,
        filterable: false,
        showInCard: false,
        relationType: relationTypeName.get(rtId),
      });
    }
    const l = labels(uwaziId, label);
    const color = typeof t.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(t.color) ? t.color : undefined;
    return {
      uwaziId,
      existing: mapped('template', uwaziId) !== undefined,
      input: {
        name,
        label: label.slice(0, 200),
        ...(l ? { labels: l } : {}),
        ...(color ? { color } : {}),
        properties: inputs,
      },
      properties,
    };
  });
  return { relationTypes, thesauri, templates, templateName, relationTypeName };
}

/** An Uwazi dictionary as our thesaurus: groups become values that their children name as `group`. */
function thesaurusInput(
  d: BsonDoc,
  name: string,
  label: string,
  labels: ReturnType<typeof labelIndex>,
  report: ImportReport,
): ThesaurusInput {
  const context = idOf(d._id);
  const values: ThesaurusValue[] = [];
  const seen = new Set<string>();
  const add = (v: BsonDoc, group?: string) => {
    const id = valueId(String(v.id ?? idOf(v._id)));
    const vLabel = String(v.label ?? '').trim();
    if (!vLabel || seen.has(id)) {
      report.kinds.thesauri.loss.push(
        `${label}: value ${id} ${vLabel ? 'repeated' : 'without a label'}, left out`,
      );
      return null;
    }
    seen.add(id);
    const l = labels(context, vLabel);
    values.push({
      id,
      label: vLabel.slice(0, 300),
      ...(l ? { labels: l } : {}),
      ...(group ? { group } : {}),
    });
    return id;
  };
  for (const v of (d.values ?? []) as BsonDoc[]) {
    const id = add(v);
    const children = (v.values ?? []) as BsonDoc[];
    if (id) for (const c of children) add(c, id);
  }
  const l = labels(context, label);
  return { name, label: label.slice(0, 200), ...(l ? { labels: l } : {}), values };
}
