/**
 * The main intergovernmental organisations and frameworks of the demo collection, with their members as ISO3
 * codes. Only UN member states are listed (the demo has no entities for other members); `note` says what was
 * left out and any judgement call. Membership as of late 2025.
 */
import { ALL_STATE_ISO3, STATES } from './states.ts';
import { toSlug } from './util.ts';

export type OrganisationKind = 'organisation' | 'framework';

export interface OrganisationRecord {
  name: string;
  /** Acronym or short form. */
  shortName: string;
  slug: string;
  kind: OrganisationKind;
  /** Year founded (see `note` where the date is a matter of choice). */
  founded: number;
  /** Member states as ISO 3166-1 alpha-3 codes (UN member states only). */
  members: readonly string[];
  note?: string;
}

type OrgDraft = Omit<OrganisationRecord, 'slug' | 'members'> & { members: readonly string[] };

const iso3s = (codes: string): readonly string[] => codes.trim().split(/\s+/);

const EU_MEMBERS = iso3s(
  'AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE',
);
const ASEAN_MEMBERS = iso3s('BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS');

const DRAFTS: readonly OrgDraft[] = [
  {
    name: 'United Nations',
    shortName: 'UN',
    kind: 'organisation',
    founded: 1945,
    members: ALL_STATE_ISO3,
    note: 'The Holy See and the State of Palestine are non-member observer states and are not listed.',
  },
  {
    name: 'Organization for Security and Co-operation in Europe',
    shortName: 'OSCE',
    kind: 'organisation',
    founded: 1975,
    members: iso3s(`
      ALB AND ARM AUT AZE BLR BEL BIH BGR CAN HRV CYP CZE DNK EST FIN FRA GEO DEU GRC HUN ISL IRL ITA KAZ KGZ
      LVA LIE LTU LUX MLT MDA MCO MNG MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SWE CHE TJK TUR TKM
      UKR GBR USA UZB`),
    note: '57 participating states; the Holy See, not a UN member, is left out, so 56 are listed. Founded as the CSCE with the 1975 Helsinki Final Act; renamed OSCE in 1995.',
  },
  {
    name: 'Association of Southeast Asian Nations',
    shortName: 'ASEAN',
    kind: 'organisation',
    founded: 1967,
    members: ASEAN_MEMBERS,
    note: 'Timor-Leste was admitted as the eleventh member in October 2025.',
  },
  {
    name: 'ASEAN Regional Forum',
    shortName: 'ARF',
    kind: 'framework',
    founded: 1994,
    members: [...ASEAN_MEMBERS, ...iso3s('AUS BGD CAN CHN IND JPN PRK KOR MNG NZL PAK PNG RUS LKA USA')],
    note: '27 participants; the European Union takes part but is not a state, so 26 states are listed.',
  },
  {
    name: 'African Union',
    shortName: 'AU',
    kind: 'organisation',
    founded: 2002,
    members: STATES.filter((s) => s.region === 'Africa').map((s) => s.iso3),
    note: '55 members; the Sahrawi Arab Democratic Republic is not a UN member and is not listed, so 54. Several members are suspended after unconstitutional changes of government; they remain members. Successor (2002) of the Organization of African Unity (1963).',
  },
  {
    name: 'Organization of American States',
    shortName: 'OAS',
    kind: 'organisation',
    founded: 1948,
    members: STATES.filter((s) => s.region === 'Americas' && s.iso3 !== 'NIC').map((s) => s.iso3),
    note: "All 35 independent states of the Americas have been members. Nicaragua's withdrawal took effect in November 2023 and it is not listed; Cuba is listed as a member state although it does not take part in the organisation's work. 34 listed.",
  },
  {
    name: 'European Union',
    shortName: 'EU',
    kind: 'organisation',
    founded: 1993,
    members: EU_MEMBERS,
    note: 'Founded as the European Union by the Maastricht Treaty (in force 1993).',
  },
  {
    name: 'Council of Europe',
    shortName: 'CoE',
    kind: 'organisation',
    founded: 1949,
    members: [
      ...EU_MEMBERS,
      ...iso3s('ALB AND ARM AZE BIH GEO ISL LIE MDA MCO MNE MKD NOR SMR SRB CHE TUR UKR GBR'),
    ],
    note: '46 member states; the Russian Federation was expelled in March 2022.',
  },
  {
    name: 'North Atlantic Treaty Organization',
    shortName: 'NATO',
    kind: 'organisation',
    founded: 1949,
    members: iso3s(`
      ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR POL PRT ROU SVK
      SVN ESP SWE TUR GBR USA`),
  },
  {
    name: 'Shanghai Cooperation Organisation',
    shortName: 'SCO',
    kind: 'organisation',
    founded: 2001,
    members: iso3s('CHN IND IRN KAZ KGZ PAK RUS TJK UZB BLR'),
    note: 'Iran joined in 2023 and Belarus in 2024.',
  },
  {
    name: 'Collective Security Treaty Organization',
    shortName: 'CSTO',
    kind: 'organisation',
    founded: 2002,
    members: iso3s('ARM BLR KAZ KGZ RUS TJK'),
    note: 'Armenia froze its participation in 2024 but has not left; it is kept as a member. The organisation was set up in 2002 on the basis of the 1992 Collective Security Treaty.',
  },
  {
    name: 'Commonwealth',
    shortName: 'Commonwealth',
    kind: 'organisation',
    founded: 1949,
    members: iso3s(`
      BWA CMR SWZ GAB GMB GHA KEN LSO MWI MUS MOZ NAM NGA RWA SYC SLE ZAF TGO UGA TZA ZMB
      BGD BRN IND MYS MDV PAK SGP LKA
      ATG BHS BRB BLZ CAN DMA GRD GUY JAM KNA LCA VCT TTO
      CYP MLT GBR
      AUS FJI KIR NRU NZL PNG WSM SLB TON TUV VUT`),
    note: '56 members; the modern Commonwealth dates from the 1949 London Declaration. Gabon and Togo joined in 2022; Gabon was partially suspended in 2023.',
  },
  {
    name: 'Group of Seven',
    shortName: 'G7',
    kind: 'framework',
    founded: 1975,
    members: iso3s('CAN FRA DEU ITA JPN GBR USA'),
    note: 'The European Union takes part but is not a state and is not listed.',
  },
  {
    name: 'Group of Twenty',
    shortName: 'G20',
    kind: 'framework',
    founded: 1999,
    members: iso3s('ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA'),
    note: '19 states; the European Union and the African Union are members but not states and are not listed.',
  },
  {
    name: 'League of Arab States',
    shortName: 'LAS',
    kind: 'organisation',
    founded: 1945,
    members: iso3s('DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN QAT SAU SOM SDN SYR TUN ARE YEM'),
    note: '22 members; Palestine is not a UN member state and is not listed, so 21.',
  },
  {
    name: 'Gulf Cooperation Council',
    shortName: 'GCC',
    kind: 'organisation',
    founded: 1981,
    members: iso3s('BHR KWT OMN QAT SAU ARE'),
    note: 'Formally the Cooperation Council for the Arab States of the Gulf.',
  },
  {
    name: 'Economic Community of West African States',
    shortName: 'ECOWAS',
    kind: 'organisation',
    founded: 1975,
    members: iso3s('BEN CPV CIV GMB GHA GIN GNB LBR NGA SEN SLE TGO'),
    note: '12 members after Burkina Faso, Mali and Niger left in January 2025.',
  },
  {
    name: 'Pacific Islands Forum',
    shortName: 'PIF',
    kind: 'organisation',
    founded: 1971,
    members: iso3s('AUS FJI KIR MHL FSM NRU NZL PLW PNG WSM SLB TON TUV VUT'),
    note: '18 members; the Cook Islands, Niue, French Polynesia and New Caledonia are not UN member states and are not listed, so 14. Founded as the South Pacific Forum.',
  },
  {
    name: 'Caribbean Community',
    shortName: 'CARICOM',
    kind: 'organisation',
    founded: 1973,
    members: iso3s('ATG BHS BRB BLZ DMA GRD GUY HTI JAM KNA LCA VCT SUR TTO'),
    note: '15 full members; Montserrat is not a UN member state and is not listed, so 14.',
  },
];

/** The demo's organisations and frameworks. */
export const ORGANISATIONS: readonly OrganisationRecord[] = DRAFTS.map((d) => ({
  ...d,
  slug: toSlug(d.name),
}));

/** Organisation by short name (UN, OSCE, ASEAN…). */
export const ORGANISATIONS_BY_SHORT_NAME: ReadonlyMap<string, OrganisationRecord> = new Map(
  ORGANISATIONS.map((o) => [o.shortName, o]),
);
