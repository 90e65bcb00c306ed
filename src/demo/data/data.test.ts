import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RelationTypeInput, TemplateInput, ThesaurusInput } from '../../domain/schemas/index.ts';
import {
  ALL_STATE_ISO3,
  ORGANISATION_PROFILES,
  ORGANISATIONS,
  ORGANISATIONS_BY_SHORT_NAME,
  RELATION_TYPES,
  regions,
  STATE_PROFILES,
  STATES,
  TEMPLATES,
  THESAURI,
  toSlug,
  toValueId,
  unRegionalGroups,
} from './index.ts';

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;

describe('states', () => {
  it('lists exactly the 193 UN member states', () => {
    expect(STATES).toHaveLength(193);
    for (const nonMember of ['VAT', 'PSE', 'XKX', 'TWN']) expect(ALL_STATE_ISO3).not.toContain(nonMember);
  });

  it('has unique, well-formed ISO codes', () => {
    for (const s of STATES) {
      expect(s.iso2).toMatch(/^[A-Z]{2}$/);
      expect(s.iso3).toMatch(/^[A-Z]{3}$/);
      expect(s.isoNumeric).toMatch(/^\d{3}$/);
    }
    expect(unique(STATES.map((s) => s.iso2))).toBe(true);
    expect(unique(STATES.map((s) => s.iso3))).toBe(true);
    expect(unique(STATES.map((s) => s.isoNumeric))).toBe(true);
  });

  it('has unique slugs that follow the slug rule', () => {
    expect(unique(STATES.map((s) => s.slug))).toBe(true);
    for (const s of STATES) expect(s.slug).toMatch(/^[a-z0-9]+$/);
    expect(STATES.find((s) => s.iso3 === 'CIV')?.slug).toBe('cotedivoire');
    expect(STATES.find((s) => s.iso3 === 'TUR')?.slug).toBe('turkiye');
    expect(STATES.find((s) => s.iso3 === 'KOR')?.slug).toBe('republicofkorea');
  });

  it('uses region and sub-region values of the regions thesaurus, sub-region within its region', () => {
    const values = new Map(regions.values.map((v) => [v.id, v]));
    for (const s of STATES) {
      const region = values.get(toValueId(s.region));
      const sub = values.get(toValueId(s.subregion));
      expect(region?.label, s.name).toBe(s.region);
      expect(region?.group, s.name).toBeUndefined();
      expect(sub?.label, s.name).toBe(s.subregion);
      expect(sub?.group, s.name).toBe(region?.id);
    }
  });

  it('uses UN regional groups of the thesaurus', () => {
    const ids = new Set(unRegionalGroups.values.map((v) => v.id));
    for (const s of STATES) expect(ids.has(toValueId(s.unRegionalGroup)), s.name).toBe(true);
    const group = (iso3: string) => STATES.find((s) => s.iso3 === iso3)?.unRegionalGroup;
    expect(group('TUR')).toBe('Western European and Others');
    expect(group('ISR')).toBe('Western European and Others');
    expect(group('KIR')).toBe('Asia-Pacific');
  });

  it('counts states per region as M49 does', () => {
    const count = (r: string) => STATES.filter((s) => s.region === r).length;
    expect([count('Africa'), count('Americas'), count('Asia'), count('Europe'), count('Oceania')]).toEqual([
      54, 35, 47, 43, 14,
    ]);
  });

  it('has a world-atlas feature for every ISO numeric code (the map joins on it)', () => {
    const require = createRequire(import.meta.url);
    const atlas = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as {
      objects: { countries: { geometries: { id?: string }[] } };
    };
    const ids = new Set(atlas.objects.countries.geometries.map((g) => g.id));
    const missing = STATES.filter((s) => !ids.has(s.isoNumeric)).map((s) => s.name);
    expect(missing).toEqual([]);
  });
});

describe('organisations', () => {
  const known = new Set(ALL_STATE_ISO3);
  const members = (shortName: string) => ORGANISATIONS_BY_SHORT_NAME.get(shortName)?.members ?? [];

  it('lists only known ISO3 codes, each once', () => {
    for (const o of ORGANISATIONS) {
      for (const m of o.members) expect(known.has(m), `${o.shortName}: ${m}`).toBe(true);
      expect(unique(o.members), o.shortName).toBe(true);
    }
  });

  it('has the expected member counts', () => {
    expect(new Set(members('UN'))).toEqual(known);
    const counts: Record<string, number> = {
      UN: 193,
      OSCE: 56,
      ASEAN: 11,
      ARF: 26,
      AU: 54,
      OAS: 34,
      EU: 27,
      CoE: 46,
      NATO: 32,
      SCO: 10,
      CSTO: 6,
      Commonwealth: 56,
      G7: 7,
      G20: 19,
      LAS: 21,
      GCC: 6,
      ECOWAS: 12,
      PIF: 14,
      CARICOM: 14,
    };
    for (const [name, n] of Object.entries(counts)) expect(members(name), name).toHaveLength(n);
  });

  it('has unique slugs and short names', () => {
    expect(unique(ORGANISATIONS.map((o) => o.slug))).toBe(true);
    expect(unique(ORGANISATIONS.map((o) => o.shortName))).toBe(true);
    expect(ORGANISATIONS_BY_SHORT_NAME.get('ASEAN')?.slug).toBe('associationofsoutheastasiannations');
    expect(ORGANISATIONS_BY_SHORT_NAME.get('UN')?.slug).toBe('unitednations');
  });

  it('does not share a slug with a state', () => {
    const stateSlugs = new Set(STATES.map((s) => s.slug));
    for (const o of ORGANISATIONS) expect(stateSlugs.has(o.slug), o.slug).toBe(false);
  });
});

describe('thesauri', () => {
  it('parse, with unique names and value ids, and groups that exist', () => {
    expect(unique(THESAURI.map((t) => t.name))).toBe(true);
    for (const t of THESAURI) {
      const parsed = ThesaurusInput.parse(t);
      const ids = parsed.values.map((v) => v.id);
      expect(unique(ids), t.name).toBe(true);
      for (const v of parsed.values) if (v.group) expect(ids, `${t.name}: ${v.id}`).toContain(v.group);
    }
  });

  it('have the six OEWG pillars and the eleven GGE norms', () => {
    const byName = new Map(THESAURI.map((t) => [t.name, t]));
    expect(byName.get('oewgPillars')?.values).toHaveLength(6);
    expect(byName.get('ggeNorms')?.values.map((v) => v.id)).toEqual(
      'abcdefghijk'.split('').map((c) => `norm-13${c}`),
    );
    expect(byName.get('documentStatus')?.values.map((v) => v.id)).toEqual([
      'in-force',
      'in-progress',
      'superseded',
    ]);
  });
});

describe('templates', () => {
  const thesaurusNames = new Set(THESAURI.map((t) => t.name));
  const templateNames = new Set(TEMPLATES.map((t) => t.name));

  it('parse and point at thesauri and templates that exist', () => {
    for (const t of TEMPLATES) {
      const parsed = TemplateInput.parse(t);
      for (const p of parsed.properties) {
        if (p.type === 'select' || p.type === 'multiselect')
          expect(thesaurusNames.has(p.thesaurus ?? ''), `${t.name}.${p.name}`).toBe(true);
        if (p.type === 'relationship')
          expect(templateNames.has(p.targetTemplate ?? ''), `${t.name}.${p.name}`).toBe(true);
      }
    }
  });

  it('have a glossary description on every section property', () => {
    for (const t of TEMPLATES)
      for (const p of t.properties)
        if (p.section) expect(p.description?.trim().length ?? 0, `${t.name}.${p.name}`).toBeGreaterThan(20);
  });

  it('mirror inverse relationships both ways', () => {
    for (const t of TEMPLATES)
      for (const p of t.properties) {
        if (!p.inverseOf) continue;
        const target = TEMPLATES.find((x) => x.name === p.targetTemplate);
        const inverse = target?.properties.find((x) => x.name === p.inverseOf);
        expect(inverse?.type, `${t.name}.${p.name}`).toBe('relationship');
        expect(inverse?.targetTemplate).toBe(t.name);
        expect(inverse?.inverseOf).toBe(p.name);
      }
  });

  it('give the State profile its thirteen sections in the portal order', () => {
    const state = TEMPLATES.find((t) => t.name === 'State');
    expect(state?.properties.filter((p) => p.section).map((p) => p.name)).toEqual([
      'strategyDocuments',
      'implementationFrameworks',
      'responsibleAgency',
      'keyPositions',
      'dedicatedAgencies',
      'nationalCert',
      'legislation',
      'viewsOnInternationalLaw',
      'multilateralAgreements',
      'unProcesses',
      'cooperation',
      'selectedActivities',
      'membership',
    ]);
  });
});

describe('relation types and profiles', () => {
  it('relation types parse and have unique names', () => {
    for (const r of RELATION_TYPES) RelationTypeInput.parse(r);
    expect(unique(RELATION_TYPES.map((r) => r.name))).toBe(true);
  });

  it('profiles are keyed by known states and organisations and fill only markdown sections', () => {
    const stateTemplate = TEMPLATES.find((t) => t.name === 'State');
    const orgTemplate = TEMPLATES.find((t) => t.name === 'Organisation');
    const typeOf = (props: typeof stateTemplate, name: string) =>
      props?.properties.find((p) => p.name === name)?.type;
    for (const [iso3, profile] of Object.entries(STATE_PROFILES)) {
      expect(ALL_STATE_ISO3, iso3).toContain(iso3);
      for (const key of Object.keys(profile))
        expect(typeOf(stateTemplate, key), `${iso3}.${key}`).toBe('markdown');
    }
    for (const [shortName, profile] of Object.entries(ORGANISATION_PROFILES)) {
      expect(ORGANISATIONS_BY_SHORT_NAME.has(shortName), shortName).toBe(true);
      for (const key of Object.keys(profile))
        expect(['markdown', 'link'], `${shortName}.${key}`).toContain(typeOf(orgTemplate, key));
    }
  });

  it('slug rule folds accents and drops punctuation', () => {
    expect(toSlug("Lao People's Democratic Republic")).toBe('laopeoplesdemocraticrepublic');
    expect(toSlug('Guinea-Bissau')).toBe('guineabissau');
    expect(toValueId('South-eastern Asia')).toBe('south-eastern-asia');
  });
});

describe('the demo vocabulary in six languages (issue 11 item 6)', () => {
  const OTHERS = ['ar', 'zh', 'fr', 'ru', 'es'] as const;
  const lacking = (what: string, labels: Record<string, string> | undefined) =>
    OTHERS.filter((l) => !labels?.[l]?.trim()).map((l) => `${what} (${l})`);
  const SCRIPT = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u };

  it('labels every template, section, property, glossary text, thesaurus, value and relation type', () => {
    const gaps: string[] = [];
    for (const t of TEMPLATES) {
      gaps.push(...lacking(`template ${t.name}`, t.labels));
      for (const p of t.properties) {
        gaps.push(...lacking(`${t.name}.${p.name}`, p.labels));
        if (p.description) gaps.push(...lacking(`${t.name}.${p.name} glossary`, p.descriptions));
        if (p.section) gaps.push(...lacking(`${t.name} section ${p.section}`, t.sectionLabels?.[p.section]));
      }
    }
    for (const th of THESAURI) {
      gaps.push(...lacking(`thesaurus ${th.name}`, th.labels));
      for (const v of th.values) gaps.push(...lacking(`${th.name}.${v.id}`, v.labels));
    }
    for (const r of RELATION_TYPES) {
      gaps.push(
        ...lacking(`relation ${r.name}`, r.labels),
        ...lacking(`relation ${r.name} inverse`, r.inverseLabels),
      );
    }
    expect(gaps).toEqual([]);
  });

  it('writes Arabic, Chinese and Russian labels in their own script', () => {
    const wrong: string[] = [];
    for (const th of THESAURI)
      for (const v of th.values)
        for (const [l, re] of Object.entries(SCRIPT))
          if (!re.test(v.labels?.[l as keyof typeof SCRIPT] ?? '')) wrong.push(`${th.name}.${v.id} ${l}`);
    expect(wrong).toEqual([]);
  });
});
