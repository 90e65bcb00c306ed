/**
 * Controlled vocabularies of the demo collection. Value ids are lowercase-dashed and stable: entity metadata
 * stores the id, never the label.
 */
import type { ThesaurusInput, ThesaurusValue } from '../../domain/schemas/index.ts';
import { withThesaurusLabels } from './labels-six.ts';
import { REGIONS, SUBREGIONS, UN_REGIONAL_GROUPS } from './states.ts';
import { toValueId } from './util.ts';

/** Thesaurus names used by the templates. */
export const THESAURUS_NAMES = {
  documentTypes: 'documentTypes',
  documentStatus: 'documentStatus',
  regions: 'regions',
  unRegionalGroups: 'unRegionalGroups',
  oewgPillars: 'oewgPillars',
  ggeNorms: 'ggeNorms',
  organisationKinds: 'organisationKinds',
} as const;

export const documentTypes: ThesaurusInput = {
  name: THESAURUS_NAMES.documentTypes,
  label: 'Document types',
  values: [
    {
      id: 'national-strategy',
      label: 'National strategy',
      description: 'A whole-of-government strategy setting out cyber policy goals and priorities.',
    },
    {
      id: 'implementation-plan',
      label: 'Implementation plan',
      description: 'An action plan or roadmap that turns a strategy into measures, owners and timelines.',
    },
    { id: 'legislation', label: 'Legislation', description: 'An act or law adopted by a legislature.' },
    {
      id: 'regulation',
      label: 'Regulation',
      description: 'A binding rule issued by a government body or organisation under delegated powers.',
    },
    {
      id: 'policy-statement',
      label: 'Policy statement',
      description: 'A public declaration of a government or organisation on a policy question.',
    },
    {
      id: 'international-law-position',
      label: 'Position paper on international law',
      description:
        'An official account of how a state or organisation thinks international law applies to ICTs.',
    },
    {
      id: 'un-submission',
      label: 'UN submission',
      description: 'A written contribution to a UN process, such as replies to a Secretary-General report.',
    },
    {
      id: 'oewg-statement',
      label: 'Statement at the OEWG',
      description: 'A statement delivered at a session of the Open-ended Working Group on ICTs.',
    },
    {
      id: 'report',
      label: 'Report',
      description: 'A report by a government body, organisation or expert group.',
    },
    {
      id: 'agreement',
      label: 'Agreement / treaty',
      description: 'A legally binding international agreement between states or organisations.',
    },
    {
      id: 'mou',
      label: 'Memorandum of understanding',
      description: 'A non-binding arrangement recording shared intentions of two or more parties.',
    },
    {
      id: 'guidance',
      label: 'Guidance / standard',
      description: 'Guidelines, frameworks or technical standards that describe good practice.',
    },
  ],
};

export const documentStatus: ThesaurusInput = {
  name: THESAURUS_NAMES.documentStatus,
  label: 'Document status',
  values: [
    { id: 'in-force', label: 'In force', description: 'Adopted and currently applicable.' },
    {
      id: 'in-progress',
      label: 'In progress',
      description: 'Draft or under development, e.g. in the legislative process',
    },
    {
      id: 'superseded',
      label: 'Superseded',
      description: 'Replaced by a later document or no longer applicable.',
    },
  ],
};

/** The five UN M49 regions as groups, their sub-regions as values. Ids come from `toValueId(label)`. */
export const regions: ThesaurusInput = {
  name: THESAURUS_NAMES.regions,
  label: 'Regions (UN M49)',
  values: REGIONS.flatMap((region): ThesaurusValue[] => [
    { id: toValueId(region), label: region },
    ...SUBREGIONS[region].map((sub) => ({ id: toValueId(sub), label: sub, group: toValueId(region) })),
  ]),
};

const GROUP_FULL_NAMES: Record<(typeof UN_REGIONAL_GROUPS)[number], string> = {
  African: 'Group of African States',
  'Asia-Pacific': 'Group of Asia-Pacific States',
  'Eastern European': 'Group of Eastern European States',
  'Latin American and Caribbean': 'Group of Latin American and Caribbean States',
  'Western European and Others': 'Group of Western European and Other States',
};

/** UN regional (electoral) groups. Ids come from `toValueId(label)`. */
export const unRegionalGroups: ThesaurusInput = {
  name: THESAURUS_NAMES.unRegionalGroups,
  label: 'UN regional groups',
  values: UN_REGIONAL_GROUPS.map((group) => ({
    id: toValueId(group),
    label: group,
    description: GROUP_FULL_NAMES[group],
  })),
};

/** The six substantive pillars of the OEWG on ICTs (2021–2025), in the order of its reports. */
export const oewgPillars: ThesaurusInput = {
  name: THESAURUS_NAMES.oewgPillars,
  label: 'OEWG pillars',
  values: [
    { id: 'existing-and-potential-threats', label: 'Existing and potential threats' },
    { id: 'rules-norms-and-principles', label: 'Rules, norms and principles of responsible state behaviour' },
    { id: 'international-law', label: 'International law' },
    { id: 'confidence-building-measures', label: 'Confidence-building measures' },
    { id: 'capacity-building', label: 'Capacity-building' },
    { id: 'regular-institutional-dialogue', label: 'Regular institutional dialogue' },
  ],
};

/** The eleven voluntary norms of the 2015 GGE report (A/70/174, para. 13), paraphrased by the project. */
export const ggeNorms: ThesaurusInput = {
  name: THESAURUS_NAMES.ggeNorms,
  label: 'GGE norms (2015)',
  values: [
    {
      id: 'norm-13a',
      label: '13(a) — Cooperate for stability and security',
      description:
        'States work together to make the use of ICTs more stable and secure and to prevent practices agreed to be harmful or threatening to peace.',
    },
    {
      id: 'norm-13b',
      label: '13(b) — Weigh all information about incidents',
      description:
        'When an ICT incident occurs, states take into account all relevant information, including its wider context, the difficulty of attribution and the nature and extent of its effects.',
    },
    {
      id: 'norm-13c',
      label: '13(c) — Do not allow territory to be used for wrongful acts',
      description:
        'States do not knowingly let their territory be used for internationally wrongful acts carried out with ICTs.',
    },
    {
      id: 'norm-13d',
      label: '13(d) — Cooperate against criminal and terrorist use',
      description:
        'States consider how best to share information, help one another and prosecute the use of ICTs by criminals and terrorists.',
    },
    {
      id: 'norm-13e',
      label: '13(e) — Respect human rights and privacy',
      description:
        'In securing ICTs, states respect human rights online, including the right to privacy and freedom of expression, as set out in the relevant UN resolutions.',
    },
    {
      id: 'norm-13f',
      label: '13(f) — Do not damage critical infrastructure',
      description:
        'States do not conduct or knowingly support ICT activity, contrary to international law, that intentionally damages critical infrastructure or impairs its operation for the public.',
    },
    {
      id: 'norm-13g',
      label: '13(g) — Protect own critical infrastructure',
      description:
        'States take appropriate measures to protect their own critical infrastructure from ICT threats.',
    },
    {
      id: 'norm-13h',
      label: '13(h) — Respond to requests for assistance',
      description:
        'States answer appropriate requests for help from another state whose critical infrastructure is under malicious ICT attack, and act on malicious activity from their territory against others.',
    },
    {
      id: 'norm-13i',
      label: '13(i) — Keep supply chains trustworthy',
      description:
        'States take reasonable steps to ensure the integrity of the ICT supply chain and to prevent the spread of malicious tools and hidden harmful functions.',
    },
    {
      id: 'norm-13j',
      label: '13(j) — Report vulnerabilities responsibly',
      description:
        'States encourage responsible reporting of ICT vulnerabilities and share the information on remedies that is available.',
    },
    {
      id: 'norm-13k',
      label: '13(k) — Do not harm emergency response teams',
      description:
        "States do not harm other states' authorised CERTs/CSIRTs and do not use their own teams for malicious international activity.",
    },
  ],
};

export const organisationKinds: ThesaurusInput = {
  name: THESAURUS_NAMES.organisationKinds,
  label: 'Organisation kinds',
  values: [
    {
      id: 'organisation',
      label: 'Intergovernmental organisation',
      description: 'A body founded by treaty or charter, with its own secretariat and organs.',
    },
    {
      id: 'framework',
      label: 'Framework or forum',
      description: 'An informal grouping or dialogue forum of states without a founding treaty.',
    },
  ],
};

/** All thesauri of the demo collection, in load order, their values labelled in the six UN languages. */
export const THESAURI: readonly ThesaurusInput[] = [
  documentTypes,
  documentStatus,
  regions,
  unRegionalGroups,
  oewgPillars,
  ggeNorms,
  organisationKinds,
].map(withThesaurusLabels);
