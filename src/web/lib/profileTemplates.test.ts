import { describe, expect, it } from 'vitest';
import {
  documentTemplate,
  organisationTemplate,
  stateTemplate,
  type TemplateData,
} from '../../demo/data/templates.ts';
import { DEFAULT_SITE_SETTINGS } from '../../domain/schemas/site.ts';
import { Template } from '../../domain/schemas/template.ts';
import { stateIsoCode } from '../scenes/Home/isoCode.ts';
import { entityHref } from '../scenes/Search/components/ResultCard.tsx';
import { buildIndex, filterOptions } from './filters.ts';
import { entityPathFor, profileKindOf, profileRoute, profileTemplatesOf } from './profileTemplates.ts';
import type { PortalData } from './usePortalData.ts';

/** The demo's templates as an imported Uwazi collection names them: 'Country' and 'Organization'. */
const RENAMED = { State: 'Country', Organisation: 'Organization', Document: 'Report' } as Record<
  string,
  string
>;
const renamed = (t: TemplateData): Template =>
  Template.parse({
    ...t,
    name: RENAMED[t.name] ?? t.name,
    properties: t.properties?.map((p) =>
      p.targetTemplate ? { ...p, targetTemplate: RENAMED[p.targetTemplate] ?? p.targetTemplate } : p,
    ),
    id: `tmpl${t.name.toLowerCase()}`,
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
  });

const imported = profileTemplatesOf({
  stateTemplate: 'Country',
  organisationTemplate: 'Organization',
  documentTemplate: 'Report',
  isoNumericProperty: 'm49',
});

function portal(templates: Template[], names = imported): PortalData {
  return {
    templates,
    templateByName: new Map(templates.map((t) => [t.name, t])),
    profileTemplates: names,
    entityPath: (e) => entityPathFor(e, names),
    thesauri: [],
    valueLabel: (_t, id) => id,
    states: [],
    organisations: [],
    documents: [],
    profiles: [],
    byId: new Map(),
  };
}

describe('profile templates named by the site settings', () => {
  it('the defaults are the demo portal’s State and Organisation', () => {
    const names = profileTemplatesOf(DEFAULT_SITE_SETTINGS);
    expect(names).toEqual({
      state: 'State',
      organisation: 'Organisation',
      document: 'Document',
      isoNumeric: 'isoNumeric',
    });
    expect(profileRoute('State', names)).toBe('states');
    expect(profileRoute('Country', names)).toBeUndefined();
  });

  it('links entities of templates named otherwise to the profile pages', () => {
    const country = { id: 'e1', template: 'Country', title: 'Côte d’Ivoire', metadata: {} };
    expect(profileKindOf('Country', imported)).toBe('state');
    expect(profileKindOf('Organization', imported)).toBe('organisation');
    expect(profileKindOf('State', imported)).toBeUndefined();
    expect(entityPathFor(country, imported)).toBe('/states/cotedivoire');
    expect(entityPathFor({ ...country, template: 'Organization', title: 'ASEAN' }, imported)).toBe(
      '/organisations/asean',
    );
    // A template that is no profile any more ('State' on this portal) leads to the entity's own page.
    expect(entityPathFor({ ...country, template: 'State' }, imported)).toBe('/documents/e1');
  });

  it('offers the map and browse filters of the renamed templates', () => {
    const data = portal([stateTemplate, organisationTemplate, documentTemplate].map(renamed));
    const options = filterOptions(data);
    const stateSections = options.sections.filter((s) => s.template === 'Country');
    expect(stateSections.length).toBe(stateTemplate.properties?.filter((p) => p.section).length);
    expect(options.sections.some((s) => s.template === 'Organization')).toBe(true);
    expect(options.sections.some((s) => s.template === 'State' || s.template === 'Organisation')).toBe(false);
    expect(options.profileSelects.map((p) => p.name)).toContain('region');
  });

  it('finds no sections when the settings name templates the portal does not have', () => {
    const data = portal([stateTemplate, organisationTemplate, documentTemplate].map(renamed), {
      ...imported,
      state: 'State',
      organisation: 'Organisation',
    });
    expect(filterOptions(data).sections).toEqual([]);
  });
});

describe('the document template and the map’s ISO property named by the site settings (decision 58)', () => {
  const hit = (template: string) => ({ id: 'e9', template, title: 'T', metadata: {} }) as never;

  it('links hits of the settings’ document template to the viewer, and no others', () => {
    expect(entityHref(hit('Report'), imported)).toBe('/documents/e9');
    // 'Document' is only a name on this portal: no constant makes it the viewer's.
    expect(entityHref(hit('Document'), imported)).toBeNull();
    expect(entityHref(hit('Document'), profileTemplatesOf(DEFAULT_SITE_SETTINGS))).toBe('/documents/e9');
  });

  it('filters and indexes the documents of the settings’ template', () => {
    const templates = [stateTemplate, organisationTemplate, documentTemplate].map(renamed);
    const data = portal(templates);
    expect(filterOptions(data).documentSelects.map((p) => p.name)).toContain('documentType');
    expect(filterOptions(data).documentDate?.name).toBe('date');
    const state = { id: 's1', template: 'Country', title: 'Chile', metadata: {} } as never;
    const report = { id: 'd1', template: 'Report', title: 'Strategy', metadata: { states: ['s1'] } } as never;
    const indexed = buildIndex({
      ...data,
      profiles: [state],
      documents: [report],
      byId: new Map([
        ['s1', state],
        ['d1', report],
      ]),
    });
    expect(indexed.documentsOf.get('s1')?.map((d) => d.id)).toEqual(['d1']);
    // Named otherwise, the same entities are two linked profiles, not a profile and its document.
    const other = buildIndex({
      ...data,
      profileTemplates: { ...imported, document: 'Memo' },
      profiles: [state],
      documents: [report],
      byId: new Map([
        ['s1', state],
        ['d1', report],
      ]),
    });
    expect(other.documentsOf.get('s1')).toBeUndefined();
  });

  it('reads the map’s code from the property the settings name', () => {
    const metadata = { isoNumeric: '152', m49: 32 };
    expect(stateIsoCode(metadata, imported.isoNumeric)).toBe('032');
    expect(stateIsoCode(metadata, 'isoNumeric')).toBe('152');
    expect(stateIsoCode(metadata, '')).toBe('');
    expect(stateIsoCode({ m49: ' ' }, 'm49')).toBe('');
  });
});
