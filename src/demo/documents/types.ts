/** Shapes of the demo's sample documents and of the labelled connections between their paragraphs. */

export const DOCUMENT_TYPE_IDS = [
  'national-strategy',
  'implementation-plan',
  'legislation',
  'regulation',
  'policy-statement',
  'international-law-position',
  'un-submission',
  'oewg-statement',
  'report',
  'agreement',
  'mou',
  'guidance',
] as const;
export type DocumentTypeId = (typeof DOCUMENT_TYPE_IDS)[number];

export const OEWG_PILLAR_IDS = [
  'existing-and-potential-threats',
  'rules-norms-and-principles',
  'international-law',
  'confidence-building-measures',
  'capacity-building',
  'regular-institutional-dialogue',
] as const;
export type OewgPillarId = (typeof OEWG_PILLAR_IDS)[number];

export const GGE_NORM_IDS = [
  'norm-13a',
  'norm-13b',
  'norm-13c',
  'norm-13d',
  'norm-13e',
  'norm-13f',
  'norm-13g',
  'norm-13h',
  'norm-13i',
  'norm-13j',
  'norm-13k',
] as const;
export type GgeNormId = (typeof GGE_NORM_IDS)[number];

export const DOCUMENT_STATUSES = ['in-force', 'in-progress', 'superseded'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const RELATIONS = [
  'responds-to',
  'cites',
  'implements',
  'contradicts',
  'supports',
  'elaborates',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** The label every sample carries on its title page. */
export const SAMPLE_LABEL = 'Sample document written for the Cyber Policy Portal demo — not an official text';
/** The same label for the French sample. */
export const SAMPLE_LABEL_FR =
  'Document fictif rédigé pour la démonstration du Cyber Policy Portal — pas un texte officiel';
/** The label in the other languages the samples are written in. */
export const SAMPLE_LABEL_AR =
  'وثيقة نموذجية أُعدّت للعرض التوضيحي لبوابة السياسات السيبرانية، وليست نصًا رسميًا';
export const SAMPLE_LABEL_ES =
  'Documento ficticio redactado para la demostración del Cyber Policy Portal — no es un texto oficial';
export const SAMPLE_LABEL_ZH = '为网络政策门户演示编写的样本文件，并非正式文本';
export const SAMPLE_LABEL_RU =
  'Образец документа, подготовленный для демонстрации портала киберполитики, — не официальный текст';
export const SAMPLE_LABELS = [
  SAMPLE_LABEL,
  SAMPLE_LABEL_FR,
  SAMPLE_LABEL_ES,
  SAMPLE_LABEL_AR,
  SAMPLE_LABEL_ZH,
  SAMPLE_LABEL_RU,
];
/** The sample label in each language a sample or its translation is written in. */
export const SAMPLE_LABEL_BY_LANGUAGE: Record<SampleDocument['language'], string> = {
  en: SAMPLE_LABEL,
  fr: SAMPLE_LABEL_FR,
  es: SAMPLE_LABEL_ES,
  ar: SAMPLE_LABEL_AR,
  zh: SAMPLE_LABEL_ZH,
  ru: SAMPLE_LABEL_RU,
};

export interface Block {
  kind: 'heading' | 'paragraph' | 'list-item';
  text: string;
}

export interface SampleDocument {
  /** Slug, unique across the samples. */
  key: string;
  title: string;
  /** Shorter title for the running header; defaults to the title. */
  shortTitle?: string;
  /** ISO 3166 alpha-3 of the issuing state, or the slug of the issuing organisation. */
  issuer: string;
  /** Display name of the issuer, printed on the title page and in the running header. */
  issuerName: string;
  documentType: DocumentTypeId;
  status: DocumentStatus;
  /** YYYY-MM-DD */
  date: string;
  issuingBody: string;
  /** The sample label, printed under the title. */
  subtitle: string;
  summary: string[];
  oewgPillars: OewgPillarId[];
  ggeNorms: GgeNormId[];
  layout: 'single' | 'two-column';
  language: 'en' | 'fr' | 'es' | 'ar' | 'zh' | 'ru';
  /** Body typeface; defaults to Times. */
  font?: 'times' | 'helvetica';
  blocks: Block[];
  /**
   * The same document in other languages: one more file each on the same entity, and its title, summary,
   * issuing body and sample label as the entity's translations (issue 11 item 4).
   */
  versions?: SampleVersion[];
  /**
   * Title, summary and issuing body in more languages, without a file: the entity's translations only (what
   * a curator translates first). A language here must have no version.
   */
  translations?: SampleTranslation[];
}

/** A sample's title, summary and issuing body in another language, for the entity (decision 31). */
export type SampleTranslation = Pick<SampleDocument, 'title' | 'issuingBody' | 'summary' | 'language'>;

/** A version of a sample in another language: what differs from the original. */
export type SampleVersion = Pick<
  SampleDocument,
  'title' | 'issuerName' | 'issuingBody' | 'subtitle' | 'summary' | 'language' | 'blocks'
> &
  Partial<Pick<SampleDocument, 'shortTitle'>>;

export interface ConnectionEnd {
  doc: string;
  block: number;
}

export interface SampleConnection {
  source: ConnectionEnd;
  target: ConnectionEnd;
  relation: Relation;
}

export const h = (text: string): Block => ({ kind: 'heading', text });
export const p = (text: string): Block => ({ kind: 'paragraph', text });
export const li = (text: string): Block => ({ kind: 'list-item', text });
