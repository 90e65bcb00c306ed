/**
 * The demo collection's templates: State, Organisation and Document. Profile properties carry `section` (the
 * group heading they are shown under) and `description`, the glossary definition, written by the project.
 */
import type { z } from 'zod';
import type { TemplateInput } from '../../domain/schemas/index.ts';
import { withTemplateLabels } from './labels-six.ts';
import { THESAURUS_NAMES as T } from './thesauri.ts';

/** A template as written in source: flags may be omitted (they default to false). */
export type TemplateData = z.input<typeof TemplateInput>;
type PropertyData = TemplateData['properties'][number];

export const TEMPLATE_NAMES = { state: 'State', organisation: 'Organisation', document: 'Document' } as const;

/** State profile section headings, in display order. */
export const STATE_SECTIONS = {
  policy: 'Cybersecurity Policy',
  structure: 'Structure',
  legal: 'Legal Framework',
  cooperation: 'Cooperation',
} as const;

/** Organisation profile section headings, in display order. */
export const ORGANISATION_SECTIONS = {
  members: 'Members',
  policy: 'Policy',
  structure: 'Structure',
  legal: 'Legal Framework',
} as const;

const toDocuments = (name: string, label: string, section: string, description: string): PropertyData => ({
  name,
  label,
  type: 'relationship',
  targetTemplate: TEMPLATE_NAMES.document,
  section,
  description,
});

const markdown = (name: string, label: string, section: string, description: string): PropertyData => ({
  name,
  label,
  type: 'markdown',
  section,
  description,
});

export const stateTemplate: TemplateData = {
  name: TEMPLATE_NAMES.state,
  label: 'State',
  color: '#1f5f8b',
  properties: [
    {
      name: 'iso2',
      label: 'ISO 3166-1 alpha-2',
      type: 'text',
      filterable: false,
      description: 'Two-letter code.',
    },
    {
      name: 'iso3',
      label: 'ISO 3166-1 alpha-3',
      type: 'text',
      filterable: false,
      description: 'Three-letter code.',
    },
    {
      name: 'isoNumeric',
      label: 'ISO 3166-1 numeric',
      type: 'text',
      filterable: false,
      description: 'Three-digit numeric code, also used to draw the state on the map.',
    },
    {
      name: 'region',
      label: 'Region',
      type: 'select',
      thesaurus: T.regions,
      filterable: true,
      description: 'UN M49 region.',
    },
    {
      name: 'subregion',
      label: 'Sub-region',
      type: 'select',
      thesaurus: T.regions,
      filterable: true,
      description: 'UN M49 sub-region (intermediate region where M49 defines one).',
    },
    {
      name: 'unRegionalGroup',
      label: 'UN regional group',
      type: 'select',
      thesaurus: T.unRegionalGroups,
      filterable: true,
      description: 'The regional group the state belongs to for elections at the United Nations.',
    },
    toDocuments(
      'strategyDocuments',
      'Strategy Documents',
      STATE_SECTIONS.policy,
      'Official texts in which the state lays out its cybersecurity vision, priorities and strategy, such as a national cybersecurity strategy.',
    ),
    toDocuments(
      'implementationFrameworks',
      'Implementation Frameworks',
      STATE_SECTIONS.policy,
      'Action plans, roadmaps, government guidance and standards through which the national cyber policy is put into practice.',
    ),
    markdown(
      'responsibleAgency',
      'National Centre or Responsible Agency',
      STATE_SECTIONS.structure,
      'The lead body that shapes or carries out national cyber policy and coordinates the other institutions involved.',
    ),
    markdown(
      'keyPositions',
      'Key Positions',
      STATE_SECTIONS.structure,
      'Officials and posts charged with national cyber policy as a whole or with one of its parts.',
    ),
    markdown(
      'dedicatedAgencies',
      'Dedicated Agencies and Functions',
      STATE_SECTIONS.structure,
      'Ministries, agencies and units that support or carry out parts of the national cyber policy.',
    ),
    markdown(
      'nationalCert',
      'National CERT or CSIRT',
      STATE_SECTIONS.structure,
      'The team officially designated to handle and coordinate the response to cyber incidents at national level.',
    ),
    toDocuments(
      'legislation',
      'Legislation',
      STATE_SECTIONS.legal,
      'Laws and other legal instruments in force that bear on cybersecurity and the wider national cyber policy.',
    ),
    toDocuments(
      'viewsOnInternationalLaw',
      'Views on International Law',
      STATE_SECTIONS.legal,
      "Official statements and papers setting out the state's view of how international law applies to the use of ICTs.",
    ),
    toDocuments(
      'multilateralAgreements',
      'Multilateral Agreements',
      STATE_SECTIONS.cooperation,
      'International treaties on cyber matters that the state has signed or joined, such as regional cybercrime or cybersecurity conventions.',
    ),
    toDocuments(
      'unProcesses',
      'UN Processes',
      STATE_SECTIONS.cooperation,
      "The state's contributions to UN discussions on ICTs in international security, such as expert groups, the Open-ended Working Group and replies to the Secretary-General.",
    ),
    toDocuments(
      'cooperation',
      'Bilateral and Multilateral Cooperation',
      STATE_SECTIONS.cooperation,
      'Agreements, binding or not, dialogues and joint exercises on cyber matters between the state and other states or organisations.',
    ),
    markdown(
      'selectedActivities',
      'Selected Activities',
      STATE_SECTIONS.cooperation,
      'Other notable cyber policy initiatives and international engagement of the state not covered by the sections above.',
    ),
    {
      name: 'membership',
      label: 'Membership',
      type: 'relationship',
      targetTemplate: TEMPLATE_NAMES.organisation,
      inverseOf: 'memberStates',
      section: STATE_SECTIONS.cooperation,
      description:
        'Intergovernmental organisations and frameworks the state belongs to; the same links as the member lists of those organisations.',
    },
  ],
};

export const organisationTemplate: TemplateData = {
  name: TEMPLATE_NAMES.organisation,
  label: 'Organisation',
  color: '#6b4c9a',
  properties: [
    {
      name: 'shortName',
      label: 'Short name',
      type: 'text',
      showInCard: true,
      description: 'Acronym or short form.',
    },
    {
      name: 'kind',
      label: 'Kind',
      type: 'select',
      thesaurus: T.organisationKinds,
      filterable: true,
      showInCard: true,
      description: 'Whether the body is a formal organisation or a looser framework or forum.',
    },
    { name: 'founded', label: 'Founded', type: 'number', description: 'Year the organisation was founded.' },
    { name: 'website', label: 'Website', type: 'link', description: 'Official website.' },
    {
      name: 'memberStates',
      label: 'Member States',
      type: 'relationship',
      targetTemplate: TEMPLATE_NAMES.state,
      inverseOf: 'membership',
      filterable: true,
      section: ORGANISATION_SECTIONS.members,
      description:
        'The states that belong to the organisation or take part in the framework; the same links as the Membership section of those states.',
    },
    toDocuments(
      'strategyDocuments',
      'Strategy Documents',
      ORGANISATION_SECTIONS.policy,
      'Official texts of the organisation setting out its cyber policy plans, priorities and principles.',
    ),
    toDocuments(
      'otherDocuments',
      'Other Documents',
      ORGANISATION_SECTIONS.policy,
      'Guidance the organisation has produced or endorsed: shared practices, frameworks, handbooks and expert reports.',
    ),
    toDocuments(
      'statements',
      'Communications and Statements',
      ORGANISATION_SECTIONS.policy,
      'Declarations of the organisation or its organs stating positions, commitments or plans of action on cyber matters.',
    ),
    markdown(
      'dedicatedBodies',
      'Dedicated Bodies',
      ORGANISATION_SECTIONS.structure,
      'Bodies within the organisation, existing or planned, that lead or coordinate its cyber work.',
    ),
    markdown(
      'keyPositions',
      'Key Positions',
      ORGANISATION_SECTIONS.structure,
      "Officials and posts charged with the organisation's cyber policy.",
    ),
    toDocuments(
      'regulations',
      'Regulations and Directives',
      ORGANISATION_SECTIONS.legal,
      'Instruments of the organisation that bind its members, such as conventions, regulations and directives on cyber matters.',
    ),
  ],
};

export const documentTemplate: TemplateData = {
  name: TEMPLATE_NAMES.document,
  label: 'Document',
  color: '#3d7d4a',
  properties: [
    {
      name: 'documentType',
      label: 'Document type',
      type: 'select',
      thesaurus: T.documentTypes,
      required: true,
      filterable: true,
      showInCard: true,
      description: 'What kind of document this is.',
    },
    {
      name: 'status',
      label: 'Status',
      type: 'select',
      thesaurus: T.documentStatus,
      filterable: true,
      showInCard: true,
      description: 'Whether the document is in force, still being prepared, or replaced.',
    },
    {
      name: 'date',
      label: 'Date',
      type: 'date',
      filterable: true,
      showInCard: true,
      description: 'Date of adoption, publication or delivery.',
    },
    {
      name: 'issuingBody',
      label: 'Issuing body',
      type: 'text',
      showInCard: true,
      description: 'The body or bodies that issued the document; several are separated by semicolons.',
    },
    {
      name: 'states',
      label: 'States',
      type: 'relationship',
      targetTemplate: TEMPLATE_NAMES.state,
      filterable: true,
      description: 'States that issued the document or that it concerns.',
    },
    {
      name: 'organisations',
      label: 'Organisations',
      type: 'relationship',
      targetTemplate: TEMPLATE_NAMES.organisation,
      filterable: true,
      description: 'Organisations that issued the document or that it concerns.',
    },
    {
      name: 'summary',
      label: 'Summary',
      type: 'markdown',
      showInCard: true,
      description: 'Short summary of the main points.',
    },
    {
      name: 'sources',
      label: 'Sources',
      type: 'link',
      showInCard: true,
      description: 'Source links to the original publisher',
    },
    {
      name: 'oewgPillars',
      label: 'OEWG pillars',
      type: 'multiselect',
      thesaurus: T.oewgPillars,
      filterable: true,
      description: 'The pillars of the UN Open-ended Working Group on ICTs the document addresses.',
    },
    {
      name: 'ggeNorms',
      label: 'GGE norms',
      type: 'multiselect',
      thesaurus: T.ggeNorms,
      filterable: true,
      description: 'The 2015 GGE norms of responsible state behaviour the document addresses.',
    },
    {
      name: 'sample',
      label: 'Sample',
      type: 'text',
      description:
        'Set on sample documents written by the project for the demo; they are not real official texts.',
    },
  ],
};

/**
 * All templates of the demo collection, in load order (targets of relationships are all in this list),
 * with their labels, sections and glossary in the six UN languages (labels-six.ts).
 */
export const TEMPLATES: readonly TemplateData[] = [stateTemplate, organisationTemplate, documentTemplate].map(
  withTemplateLabels,
);
