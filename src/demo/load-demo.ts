import { createEntity } from '../operations/create-entity.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveRelationType } from '../operations/save-relation-type.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { saveThesaurus } from '../operations/save-thesaurus.ts';
import { stateNameTranslations } from '../operations/state-names.ts';
import { updateEntity } from '../operations/update-entity.ts';
import { uploadFile } from '../operations/upload-file.ts';
import type { Store } from '../store/store.ts';
import {
  demoLastReviewed,
  ORGANISATION_PROFILES,
  ORGANISATIONS,
  RELATION_TYPES,
  STATE_PROFILES,
  STATES,
  TEMPLATES,
  THESAURI,
  toValueId,
} from './data/index.ts';
import { sampleDocuments } from './documents/index.ts';
import { SAMPLE_LABEL_BY_LANGUAGE, type SampleDocument, type SampleVersion } from './documents/types.ts';
import { renderDocumentPdf } from './render/render-pdf.ts';

/** Which profile section of the issuer lists a sample document, by document type. */
const STATE_SECTION_BY_TYPE: Record<string, string> = {
  'national-strategy': 'strategyDocuments',
  'policy-statement': 'strategyDocuments',
  'implementation-plan': 'implementationFrameworks',
  guidance: 'implementationFrameworks',
  legislation: 'legislation',
  regulation: 'legislation',
  'international-law-position': 'viewsOnInternationalLaw',
  'oewg-statement': 'unProcesses',
  'un-submission': 'unProcesses',
  report: 'unProcesses',
  agreement: 'multilateralAgreements',
  mou: 'cooperation',
};
const ORGANISATION_SECTION_BY_TYPE: Record<string, string> = {
  'national-strategy': 'strategyDocuments',
  'policy-statement': 'statements',
  'oewg-statement': 'statements',
  agreement: 'statements',
  regulation: 'regulations',
  legislation: 'regulations',
};

/** What loadDemo reports while it runs. */
export type DemoProgress = (p: { step: string; done: number; total: number }) => void;

/** The entity ids the demo created, for callers that go on to link passages or print a summary. */
export type DemoResult = {
  states: number;
  organisations: number;
  documents: { key: string; entityId: string; fileId: string }[];
};

/** True when the collection already has templates (the demo, or someone's own data). */
export async function hasCollection(store: Store): Promise<boolean> {
  return (await store.templates.list()).length > 0;
}

/**
 * Loads the demo collection through the same operations the API uses: thesauri, templates, relation types,
 * the 193 states, the organisations with their members, and the sample documents rendered to PDF and queued
 * for ingestion. Everything is published. One transaction: a failure leaves the collection empty.
 */
export async function loadDemo({
  store,
  onProgress,
}: {
  store: Store;
  onProgress?: DemoProgress;
}): Promise<DemoResult> {
  if (await hasCollection(store))
    throw new Error(
      'The collection already has templates; the demo loads only into an empty data directory.',
    );
  const actor = OPERATOR;
  const rendered = await Promise.all(
    sampleDocuments.map(async (doc) => ({
      doc,
      ...(await renderDocumentPdf(doc)),
      // One more file per language version, rendered as the same document in that language.
      versions: await Promise.all(
        (doc.versions ?? []).map(async (v) => ({
          version: v,
          pdf: (await renderDocumentPdf(versionDocument(doc, v))).pdf,
        })),
      ),
    })),
  );
  return store.transaction(async (tx) => {
    for (const input of THESAURI) await saveThesaurus({ store: tx, actor, input });
    for (const input of TEMPLATES) await saveTemplate({ store: tx, actor, input: input as never });
    for (const input of RELATION_TYPES) await saveRelationType({ store: tx, actor, input });

    const stateIds = new Map<string, string>();
    let done = 0;
    const total = STATES.length + ORGANISATIONS.length + rendered.length;
    for (const s of STATES) {
      const profile = STATE_PROFILES[s.iso3] ?? {};
      const entity = await createEntity({
        store: tx,
        actor,
        input: {
          template: 'State',
          title: s.name,
          translations: stateNameTranslations(s.iso2),
          published: true,
          metadata: {
            iso2: s.iso2,
            iso3: s.iso3,
            isoNumeric: s.isoNumeric,
            region: toValueId(s.region),
            subregion: toValueId(s.subregion),
            unRegionalGroup: toValueId(s.unRegionalGroup),
            ...profile,
          },
        },
      });
      stateIds.set(s.iso3, entity.id);
      onProgress?.({ step: 'profiles', done: ++done, total });
    }
    const orgIds = new Map<string, string>();
    for (const o of ORGANISATIONS) {
      const { website, ...profile } = ORGANISATION_PROFILES[o.shortName] ?? {};
      const entity = await createEntity({
        store: tx,
        actor,
        input: {
          template: 'Organisation',
          title: o.name,
          published: true,
          metadata: {
            shortName: o.shortName,
            kind: o.kind,
            founded: o.founded,
            memberStates: o.members.map((iso3) => stateIds.get(iso3)).filter(Boolean),
            ...(website ? { website: [{ label: 'Official website', url: website }] } : {}),
            ...profile,
          },
        },
      });
      orgIds.set(o.slug, entity.id);
      onProgress?.({ step: 'profiles', done: ++done, total });
    }

    const sections = new Map<string, Record<string, string[]>>();
    const documents: DemoResult['documents'] = [];
    for (const { doc, pdf, versions } of rendered) {
      const stateId = stateIds.get(doc.issuer);
      const orgId = orgIds.get(doc.issuer);
      const entity = await createEntity({
        store: tx,
        actor,
        input: {
          template: 'Document',
          title: doc.title,
          language: doc.language,
          translations: documentTranslations(doc),
          published: true,
          metadata: documentMetadata(doc, stateId, orgId),
        },
      });
      const file = await uploadFile({
        store: tx,
        actor,
        entityId: entity.id,
        filename: `${doc.key}.pdf`,
        mimeType: 'application/pdf',
        content: pdf,
      });
      documents.push({ key: doc.key, entityId: entity.id, fileId: file.id });
      for (const { version, pdf: bytes } of versions)
        await uploadFile({
          store: tx,
          actor,
          entityId: entity.id,
          filename: `${doc.key}.${version.language}.pdf`,
          mimeType: 'application/pdf',
          content: bytes,
        });
      const issuerId = stateId ?? orgId;
      const property =
        (stateId ? STATE_SECTION_BY_TYPE : ORGANISATION_SECTION_BY_TYPE)[doc.documentType] ??
        'otherDocuments';
      if (issuerId) {
        const lists = sections.get(issuerId) ?? {};
        lists[property] = [...(lists[property] ?? []), entity.id];
        sections.set(issuerId, lists);
      }
      onProgress?.({ step: 'documents', done: ++done, total });
    }
    // Profiles list their documents in their sections; written once per profile after all documents exist.
    for (const [id, lists] of sections) {
      const current = await tx.entities.findById(id);
      if (!current) continue;
      await updateEntity({ store: tx, actor, id, patch: { metadata: { ...current.metadata, ...lists } } });
    }
    // Curators' review dates, for the sections that have content once the documents are listed.
    const profileKeys = [
      ...[...stateIds].map(([iso3, id]) => [`state:${iso3}`, id] as const),
      ...[...orgIds].map(([slug, id]) => [`organisation:${slug}`, id] as const),
    ];
    const templates = new Map(TEMPLATES.map((tpl) => [tpl.name, tpl]));
    for (const [key, id] of profileKeys) {
      const current = await tx.entities.findById(id);
      const template = current && templates.get(current.template);
      if (!current || !template) continue;
      const filled = template.properties.flatMap((p) => {
        const v = current.metadata[p.name];
        return p.section && (Array.isArray(v) ? v.length > 0 : Boolean(v)) ? [p.section] : [];
      });
      if (filled.length)
        await updateEntity({ store: tx, actor, id, patch: { lastReviewed: demoLastReviewed(key, filled) } });
    }
    return { states: stateIds.size, organisations: orgIds.size, documents };
  });
}

/** A sample in another language: the original's metadata and layout, the version's words. */
export const versionDocument = (doc: SampleDocument, v: SampleVersion): SampleDocument => ({
  ...doc,
  ...v,
  shortTitle: v.shortTitle ?? v.title,
  versions: undefined,
  translations: undefined,
});

/**
 * The versions' and the translations' title, summary, issuing body and sample label as the entity's
 * translations (decision 31).
 */
function documentTranslations(doc: SampleDocument) {
  const texts = [
    ...(doc.versions ?? []),
    ...(doc.translations ?? []).map((t) => ({ ...t, subtitle: SAMPLE_LABEL_BY_LANGUAGE[t.language] })),
  ];
  return Object.fromEntries(
    texts.map((v) => [
      v.language,
      {
        title: v.title,
        metadata: {
          issuingBody: v.issuingBody,
          summary: v.summary.map((s) => `- ${s}`).join('\n'),
          sample: v.subtitle,
        },
      },
    ]),
  );
}

function documentMetadata(doc: SampleDocument, stateId: string | undefined, orgId: string | undefined) {
  return {
    documentType: doc.documentType,
    status: doc.status,
    date: doc.date,
    issuingBody: doc.issuingBody,
    ...(stateId ? { states: [stateId] } : {}),
    ...(orgId ? { organisations: [orgId] } : {}),
    summary: doc.summary.map((s) => `- ${s}`).join('\n'),
    oewgPillars: doc.oewgPillars,
    ggeNorms: doc.ggeNorms,
    sample: doc.subtitle,
  };
}
