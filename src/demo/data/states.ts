/**
 * The 193 member states of the United Nations (no observer states, no partially recognised states).
 *
 * - `name`: the English short name the UN uses (UNTERM), e.g. "Republic of Korea", "Türkiye".
 * - `iso2` / `iso3` / `isoNumeric`: ISO 3166-1 alpha-2, alpha-3 and numeric (3 digits, zero-padded). The numeric
 *   code is also the feature id in the world-atlas TopoJSON files, which the map joins on.
 * - `region` / `subregion`: UN M49. `subregion` is the most specific M49 grouping below the region: the
 *   intermediate region where M49 has one (Sub-Saharan Africa → Eastern/Middle/Southern/Western Africa;
 *   Latin America and the Caribbean → Caribbean/Central America/South America), otherwise the sub-region.
 * - `unRegionalGroup`: the UN electoral group. Türkiye and Israel take part in the Western European and Others
 *   Group for elections; the United States attends it as an observer and is counted there for elections;
 *   Kiribati sits with Asia-Pacific; Cyprus is in Asia-Pacific.
 * - `slug`: the portal's slug rule (see `toSlug`).
 */
import { toSlug } from './util.ts';

export const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
export type Region = (typeof REGIONS)[number];

/** M49 sub-regions (intermediate regions where M49 has them), grouped by region, in M49 order. */
export const SUBREGIONS = {
  Africa: ['Northern Africa', 'Eastern Africa', 'Middle Africa', 'Southern Africa', 'Western Africa'],
  Americas: ['Caribbean', 'Central America', 'South America', 'Northern America'],
  Asia: ['Central Asia', 'Eastern Asia', 'South-eastern Asia', 'Southern Asia', 'Western Asia'],
  Europe: ['Eastern Europe', 'Northern Europe', 'Southern Europe', 'Western Europe'],
  Oceania: ['Australia and New Zealand', 'Melanesia', 'Micronesia', 'Polynesia'],
} as const satisfies Record<Region, readonly string[]>;
export type Subregion = (typeof SUBREGIONS)[Region][number];

export const UN_REGIONAL_GROUPS = [
  'African',
  'Asia-Pacific',
  'Eastern European',
  'Latin American and Caribbean',
  'Western European and Others',
] as const;
export type UnRegionalGroup = (typeof UN_REGIONAL_GROUPS)[number];

export interface StateRecord {
  /** English short name as used by the UN. */
  name: string;
  iso2: string;
  iso3: string;
  /** ISO 3166-1 numeric, three digits. */
  isoNumeric: string;
  region: Region;
  subregion: Subregion;
  unRegionalGroup: UnRegionalGroup;
  slug: string;
}

const AFR: UnRegionalGroup = 'African';
const APG: UnRegionalGroup = 'Asia-Pacific';
const EEG: UnRegionalGroup = 'Eastern European';
const LAC: UnRegionalGroup = 'Latin American and Caribbean';
const WEO: UnRegionalGroup = 'Western European and Others';

type Row = readonly [
  name: string,
  iso2: string,
  iso3: string,
  num: string,
  region: Region,
  sub: Subregion,
  group: UnRegionalGroup,
];

// biome-ignore format: one state per line reads best as a table
const ROWS: readonly Row[] = [
  ['Afghanistan', 'AF', 'AFG', '004', 'Asia', 'Southern Asia', APG],
  ['Albania', 'AL', 'ALB', '008', 'Europe', 'Southern Europe', EEG],
  ['Algeria', 'DZ', 'DZA', '012', 'Africa', 'Northern Africa', AFR],
  ['Andorra', 'AD', 'AND', '020', 'Europe', 'Southern Europe', WEO],
  ['Angola', 'AO', 'AGO', '024', 'Africa', 'Middle Africa', AFR],
  ['Antigua and Barbuda', 'AG', 'ATG', '028', 'Americas', 'Caribbean', LAC],
  ['Argentina', 'AR', 'ARG', '032', 'Americas', 'South America', LAC],
  ['Armenia', 'AM', 'ARM', '051', 'Asia', 'Western Asia', EEG],
  ['Australia', 'AU', 'AUS', '036', 'Oceania', 'Australia and New Zealand', WEO],
  ['Austria', 'AT', 'AUT', '040', 'Europe', 'Western Europe', WEO],
  ['Azerbaijan', 'AZ', 'AZE', '031', 'Asia', 'Western Asia', EEG],
  ['Bahamas', 'BS', 'BHS', '044', 'Americas', 'Caribbean', LAC],
  ['Bahrain', 'BH', 'BHR', '048', 'Asia', 'Western Asia', APG],
  ['Bangladesh', 'BD', 'BGD', '050', 'Asia', 'Southern Asia', APG],
  ['Barbados', 'BB', 'BRB', '052', 'Americas', 'Caribbean', LAC],
  ['Belarus', 'BY', 'BLR', '112', 'Europe', 'Eastern Europe', EEG],
  ['Belgium', 'BE', 'BEL', '056', 'Europe', 'Western Europe', WEO],
  ['Belize', 'BZ', 'BLZ', '084', 'Americas', 'Central America', LAC],
  ['Benin', 'BJ', 'BEN', '204', 'Africa', 'Western Africa', AFR],
  ['Bhutan', 'BT', 'BTN', '064', 'Asia', 'Southern Asia', APG],
  ['Bolivia (Plurinational State of)', 'BO', 'BOL', '068', 'Americas', 'South America', LAC],
  ['Bosnia and Herzegovina', 'BA', 'BIH', '070', 'Europe', 'Southern Europe', EEG],
  ['Botswana', 'BW', 'BWA', '072', 'Africa', 'Southern Africa', AFR],
  ['Brazil', 'BR', 'BRA', '076', 'Americas', 'South America', LAC],
  ['Brunei Darussalam', 'BN', 'BRN', '096', 'Asia', 'South-eastern Asia', APG],
  ['Bulgaria', 'BG', 'BGR', '100', 'Europe', 'Eastern Europe', EEG],
  ['Burkina Faso', 'BF', 'BFA', '854', 'Africa', 'Western Africa', AFR],
  ['Burundi', 'BI', 'BDI', '108', 'Africa', 'Eastern Africa', AFR],
  ['Cabo Verde', 'CV', 'CPV', '132', 'Africa', 'Western Africa', AFR],
  ['Cambodia', 'KH', 'KHM', '116', 'Asia', 'South-eastern Asia', APG],
  ['Cameroon', 'CM', 'CMR', '120', 'Africa', 'Middle Africa', AFR],
  ['Canada', 'CA', 'CAN', '124', 'Americas', 'Northern America', WEO],
  ['Central African Republic', 'CF', 'CAF', '140', 'Africa', 'Middle Africa', AFR],
  ['Chad', 'TD', 'TCD', '148', 'Africa', 'Middle Africa', AFR],
  ['Chile', 'CL', 'CHL', '152', 'Americas', 'South America', LAC],
  ['China', 'CN', 'CHN', '156', 'Asia', 'Eastern Asia', APG],
  ['Colombia', 'CO', 'COL', '170', 'Americas', 'South America', LAC],
  ['Comoros', 'KM', 'COM', '174', 'Africa', 'Eastern Africa', AFR],
  ['Congo', 'CG', 'COG', '178', 'Africa', 'Middle Africa', AFR],
  ['Costa Rica', 'CR', 'CRI', '188', 'Americas', 'Central America', LAC],
  ["Côte d'Ivoire", 'CI', 'CIV', '384', 'Africa', 'Western Africa', AFR],
  ['Croatia', 'HR', 'HRV', '191', 'Europe', 'Southern Europe', EEG],
  ['Cuba', 'CU', 'CUB', '192', 'Americas', 'Caribbean', LAC],
  ['Cyprus', 'CY', 'CYP', '196', 'Asia', 'Western Asia', APG],
  ['Czechia', 'CZ', 'CZE', '203', 'Europe', 'Eastern Europe', EEG],
  ["Democratic People's Republic of Korea", 'KP', 'PRK', '408', 'Asia', 'Eastern Asia', APG],
  ['Democratic Republic of the Congo', 'CD', 'COD', '180', 'Africa', 'Middle Africa', AFR],
  ['Denmark', 'DK', 'DNK', '208', 'Europe', 'Northern Europe', WEO],
  ['Djibouti', 'DJ', 'DJI', '262', 'Africa', 'Eastern Africa', AFR],
  ['Dominica', 'DM', 'DMA', '212', 'Americas', 'Caribbean', LAC],
  ['Dominican Republic', 'DO', 'DOM', '214', 'Americas', 'Caribbean', LAC],
  ['Ecuador', 'EC', 'ECU', '218', 'Americas', 'South America', LAC],
  ['Egypt', 'EG', 'EGY', '818', 'Africa', 'Northern Africa', AFR],
  ['El Salvador', 'SV', 'SLV', '222', 'Americas', 'Central America', LAC],
  ['Equatorial Guinea', 'GQ', 'GNQ', '226', 'Africa', 'Middle Africa', AFR],
  ['Eritrea', 'ER', 'ERI', '232', 'Africa', 'Eastern Africa', AFR],
  ['Estonia', 'EE', 'EST', '233', 'Europe', 'Northern Europe', EEG],
  ['Eswatini', 'SZ', 'SWZ', '748', 'Africa', 'Southern Africa', AFR],
  ['Ethiopia', 'ET', 'ETH', '231', 'Africa', 'Eastern Africa', AFR],
  ['Fiji', 'FJ', 'FJI', '242', 'Oceania', 'Melanesia', APG],
  ['Finland', 'FI', 'FIN', '246', 'Europe', 'Northern Europe', WEO],
  ['France', 'FR', 'FRA', '250', 'Europe', 'Western Europe', WEO],
  ['Gabon', 'GA', 'GAB', '266', 'Africa', 'Middle Africa', AFR],
  ['Gambia', 'GM', 'GMB', '270', 'Africa', 'Western Africa', AFR],
  ['Georgia', 'GE', 'GEO', '268', 'Asia', 'Western Asia', EEG],
  ['Germany', 'DE', 'DEU', '276', 'Europe', 'Western Europe', WEO],
  ['Ghana', 'GH', 'GHA', '288', 'Africa', 'Western Africa', AFR],
  ['Greece', 'GR', 'GRC', '300', 'Europe', 'Southern Europe', WEO],
  ['Grenada', 'GD', 'GRD', '308', 'Americas', 'Caribbean', LAC],
  ['Guatemala', 'GT', 'GTM', '320', 'Americas', 'Central America', LAC],
  ['Guinea', 'GN', 'GIN', '324', 'Africa', 'Western Africa', AFR],
  ['Guinea-Bissau', 'GW', 'GNB', '624', 'Africa', 'Western Africa', AFR],
  ['Guyana', 'GY', 'GUY', '328', 'Americas', 'South America', LAC],
  ['Haiti', 'HT', 'HTI', '332', 'Americas', 'Caribbean', LAC],
  ['Honduras', 'HN', 'HND', '340', 'Americas', 'Central America', LAC],
  ['Hungary', 'HU', 'HUN', '348', 'Europe', 'Eastern Europe', EEG],
  ['Iceland', 'IS', 'ISL', '352', 'Europe', 'Northern Europe', WEO],
  ['India', 'IN', 'IND', '356', 'Asia', 'Southern Asia', APG],
  ['Indonesia', 'ID', 'IDN', '360', 'Asia', 'South-eastern Asia', APG],
  ['Iran (Islamic Republic of)', 'IR', 'IRN', '364', 'Asia', 'Southern Asia', APG],
  ['Iraq', 'IQ', 'IRQ', '368', 'Asia', 'Western Asia', APG],
  ['Ireland', 'IE', 'IRL', '372', 'Europe', 'Northern Europe', WEO],
  ['Israel', 'IL', 'ISR', '376', 'Asia', 'Western Asia', WEO],
  ['Italy', 'IT', 'ITA', '380', 'Europe', 'Southern Europe', WEO],
  ['Jamaica', 'JM', 'JAM', '388', 'Americas', 'Caribbean', LAC],
  ['Japan', 'JP', 'JPN', '392', 'Asia', 'Eastern Asia', APG],
  ['Jordan', 'JO', 'JOR', '400', 'Asia', 'Western Asia', APG],
  ['Kazakhstan', 'KZ', 'KAZ', '398', 'Asia', 'Central Asia', APG],
  ['Kenya', 'KE', 'KEN', '404', 'Africa', 'Eastern Africa', AFR],
  ['Kiribati', 'KI', 'KIR', '296', 'Oceania', 'Micronesia', APG],
  ['Kuwait', 'KW', 'KWT', '414', 'Asia', 'Western Asia', APG],
  ['Kyrgyzstan', 'KG', 'KGZ', '417', 'Asia', 'Central Asia', APG],
  ["Lao People's Democratic Republic", 'LA', 'LAO', '418', 'Asia', 'South-eastern Asia', APG],
  ['Latvia', 'LV', 'LVA', '428', 'Europe', 'Northern Europe', EEG],
  ['Lebanon', 'LB', 'LBN', '422', 'Asia', 'Western Asia', APG],
  ['Lesotho', 'LS', 'LSO', '426', 'Africa', 'Southern Africa', AFR],
  ['Liberia', 'LR', 'LBR', '430', 'Africa', 'Western Africa', AFR],
  ['Libya', 'LY', 'LBY', '434', 'Africa', 'Northern Africa', AFR],
  ['Liechtenstein', 'LI', 'LIE', '438', 'Europe', 'Western Europe', WEO],
  ['Lithuania', 'LT', 'LTU', '440', 'Europe', 'Northern Europe', EEG],
  ['Luxembourg', 'LU', 'LUX', '442', 'Europe', 'Western Europe', WEO],
  ['Madagascar', 'MG', 'MDG', '450', 'Africa', 'Eastern Africa', AFR],
  ['Malawi', 'MW', 'MWI', '454', 'Africa', 'Eastern Africa', AFR],
  ['Malaysia', 'MY', 'MYS', '458', 'Asia', 'South-eastern Asia', APG],
  ['Maldives', 'MV', 'MDV', '462', 'Asia', 'Southern Asia', APG],
  ['Mali', 'ML', 'MLI', '466', 'Africa', 'Western Africa', AFR],
  ['Malta', 'MT', 'MLT', '470', 'Europe', 'Southern Europe', WEO],
  ['Marshall Islands', 'MH', 'MHL', '584', 'Oceania', 'Micronesia', APG],
  ['Mauritania', 'MR', 'MRT', '478', 'Africa', 'Western Africa', AFR],
  ['Mauritius', 'MU', 'MUS', '480', 'Africa', 'Eastern Africa', AFR],
  ['Mexico', 'MX', 'MEX', '484', 'Americas', 'Central America', LAC],
  ['Micronesia (Federated States of)', 'FM', 'FSM', '583', 'Oceania', 'Micronesia', APG],
  ['Monaco', 'MC', 'MCO', '492', 'Europe', 'Western Europe', WEO],
  ['Mongolia', 'MN', 'MNG', '496', 'Asia', 'Eastern Asia', APG],
  ['Montenegro', 'ME', 'MNE', '499', 'Europe', 'Southern Europe', EEG],
  ['Morocco', 'MA', 'MAR', '504', 'Africa', 'Northern Africa', AFR],
  ['Mozambique', 'MZ', 'MOZ', '508', 'Africa', 'Eastern Africa', AFR],
  ['Myanmar', 'MM', 'MMR', '104', 'Asia', 'South-eastern Asia', APG],
  ['Namibia', 'NA', 'NAM', '516', 'Africa', 'Southern Africa', AFR],
  ['Nauru', 'NR', 'NRU', '520', 'Oceania', 'Micronesia', APG],
  ['Nepal', 'NP', 'NPL', '524', 'Asia', 'Southern Asia', APG],
  ['Netherlands (Kingdom of the)', 'NL', 'NLD', '528', 'Europe', 'Western Europe', WEO],
  ['New Zealand', 'NZ', 'NZL', '554', 'Oceania', 'Australia and New Zealand', WEO],
  ['Nicaragua', 'NI', 'NIC', '558', 'Americas', 'Central America', LAC],
  ['Niger', 'NE', 'NER', '562', 'Africa', 'Western Africa', AFR],
  ['Nigeria', 'NG', 'NGA', '566', 'Africa', 'Western Africa', AFR],
  ['North Macedonia', 'MK', 'MKD', '807', 'Europe', 'Southern Europe', EEG],
  ['Norway', 'NO', 'NOR', '578', 'Europe', 'Northern Europe', WEO],
  ['Oman', 'OM', 'OMN', '512', 'Asia', 'Western Asia', APG],
  ['Pakistan', 'PK', 'PAK', '586', 'Asia', 'Southern Asia', APG],
  ['Palau', 'PW', 'PLW', '585', 'Oceania', 'Micronesia', APG],
  ['Panama', 'PA', 'PAN', '591', 'Americas', 'Central America', LAC],
  ['Papua New Guinea', 'PG', 'PNG', '598', 'Oceania', 'Melanesia', APG],
  ['Paraguay', 'PY', 'PRY', '600', 'Americas', 'South America', LAC],
  ['Peru', 'PE', 'PER', '604', 'Americas', 'South America', LAC],
  ['Philippines', 'PH', 'PHL', '608', 'Asia', 'South-eastern Asia', APG],
  ['Poland', 'PL', 'POL', '616', 'Europe', 'Eastern Europe', EEG],
  ['Portugal', 'PT', 'PRT', '620', 'Europe', 'Southern Europe', WEO],
  ['Qatar', 'QA', 'QAT', '634', 'Asia', 'Western Asia', APG],
  ['Republic of Korea', 'KR', 'KOR', '410', 'Asia', 'Eastern Asia', APG],
  ['Republic of Moldova', 'MD', 'MDA', '498', 'Europe', 'Eastern Europe', EEG],
  ['Romania', 'RO', 'ROU', '642', 'Europe', 'Eastern Europe', EEG],
  ['Russian Federation', 'RU', 'RUS', '643', 'Europe', 'Eastern Europe', EEG],
  ['Rwanda', 'RW', 'RWA', '646', 'Africa', 'Eastern Africa', AFR],
  ['Saint Kitts and Nevis', 'KN', 'KNA', '659', 'Americas', 'Caribbean', LAC],
  ['Saint Lucia', 'LC', 'LCA', '662', 'Americas', 'Caribbean', LAC],
  ['Saint Vincent and the Grenadines', 'VC', 'VCT', '670', 'Americas', 'Caribbean', LAC],
  ['Samoa', 'WS', 'WSM', '882', 'Oceania', 'Polynesia', APG],
  ['San Marino', 'SM', 'SMR', '674', 'Europe', 'Southern Europe', WEO],
  ['Sao Tome and Principe', 'ST', 'STP', '678', 'Africa', 'Middle Africa', AFR],
  ['Saudi Arabia', 'SA', 'SAU', '682', 'Asia', 'Western Asia', APG],
  ['Senegal', 'SN', 'SEN', '686', 'Africa', 'Western Africa', AFR],
  ['Serbia', 'RS', 'SRB', '688', 'Europe', 'Southern Europe', EEG],
  ['Seychelles', 'SC', 'SYC', '690', 'Africa', 'Eastern Africa', AFR],
  ['Sierra Leone', 'SL', 'SLE', '694', 'Africa', 'Western Africa', AFR],
  ['Singapore', 'SG', 'SGP', '702', 'Asia', 'South-eastern Asia', APG],
  ['Slovakia', 'SK', 'SVK', '703', 'Europe', 'Eastern Europe', EEG],
  ['Slovenia', 'SI', 'SVN', '705', 'Europe', 'Southern Europe', EEG],
  ['Solomon Islands', 'SB', 'SLB', '090', 'Oceania', 'Melanesia', APG],
  ['Somalia', 'SO', 'SOM', '706', 'Africa', 'Eastern Africa', AFR],
  ['South Africa', 'ZA', 'ZAF', '710', 'Africa', 'Southern Africa', AFR],
  ['South Sudan', 'SS', 'SSD', '728', 'Africa', 'Eastern Africa', AFR],
  ['Spain', 'ES', 'ESP', '724', 'Europe', 'Southern Europe', WEO],
  ['Sri Lanka', 'LK', 'LKA', '144', 'Asia', 'Southern Asia', APG],
  ['Sudan', 'SD', 'SDN', '729', 'Africa', 'Northern Africa', AFR],
  ['Suriname', 'SR', 'SUR', '740', 'Americas', 'South America', LAC],
  ['Sweden', 'SE', 'SWE', '752', 'Europe', 'Northern Europe', WEO],
  ['Switzerland', 'CH', 'CHE', '756', 'Europe', 'Western Europe', WEO],
  ['Syrian Arab Republic', 'SY', 'SYR', '760', 'Asia', 'Western Asia', APG],
  ['Tajikistan', 'TJ', 'TJK', '762', 'Asia', 'Central Asia', APG],
  ['Thailand', 'TH', 'THA', '764', 'Asia', 'South-eastern Asia', APG],
  ['Timor-Leste', 'TL', 'TLS', '626', 'Asia', 'South-eastern Asia', APG],
  ['Togo', 'TG', 'TGO', '768', 'Africa', 'Western Africa', AFR],
  ['Tonga', 'TO', 'TON', '776', 'Oceania', 'Polynesia', APG],
  ['Trinidad and Tobago', 'TT', 'TTO', '780', 'Americas', 'Caribbean', LAC],
  ['Tunisia', 'TN', 'TUN', '788', 'Africa', 'Northern Africa', AFR],
  ['Türkiye', 'TR', 'TUR', '792', 'Asia', 'Western Asia', WEO],
  ['Turkmenistan', 'TM', 'TKM', '795', 'Asia', 'Central Asia', APG],
  ['Tuvalu', 'TV', 'TUV', '798', 'Oceania', 'Polynesia', APG],
  ['Uganda', 'UG', 'UGA', '800', 'Africa', 'Eastern Africa', AFR],
  ['Ukraine', 'UA', 'UKR', '804', 'Europe', 'Eastern Europe', EEG],
  ['United Arab Emirates', 'AE', 'ARE', '784', 'Asia', 'Western Asia', APG],
  ['United Kingdom of Great Britain and Northern Ireland', 'GB', 'GBR', '826', 'Europe', 'Northern Europe', WEO],
  ['United Republic of Tanzania', 'TZ', 'TZA', '834', 'Africa', 'Eastern Africa', AFR],
  ['United States of America', 'US', 'USA', '840', 'Americas', 'Northern America', WEO],
  ['Uruguay', 'UY', 'URY', '858', 'Americas', 'South America', LAC],
  ['Uzbekistan', 'UZ', 'UZB', '860', 'Asia', 'Central Asia', APG],
  ['Vanuatu', 'VU', 'VUT', '548', 'Oceania', 'Melanesia', APG],
  ['Venezuela (Bolivarian Republic of)', 'VE', 'VEN', '862', 'Americas', 'South America', LAC],
  ['Viet Nam', 'VN', 'VNM', '704', 'Asia', 'South-eastern Asia', APG],
  ['Yemen', 'YE', 'YEM', '887', 'Asia', 'Western Asia', APG],
  ['Zambia', 'ZM', 'ZMB', '894', 'Africa', 'Eastern Africa', AFR],
  ['Zimbabwe', 'ZW', 'ZWE', '716', 'Africa', 'Eastern Africa', AFR],
];

/** All 193 UN member states, in the UN's English alphabetical order. */
export const STATES: readonly StateRecord[] = ROWS.map(
  ([name, iso2, iso3, isoNumeric, region, subregion, unRegionalGroup]) => ({
    name,
    iso2,
    iso3,
    isoNumeric,
    region,
    subregion,
    unRegionalGroup,
    slug: toSlug(name),
  }),
);

/** State by ISO 3166-1 alpha-3 code. */
export const STATES_BY_ISO3: ReadonlyMap<string, StateRecord> = new Map(STATES.map((s) => [s.iso3, s]));

/** All ISO3 codes, in the order of `STATES`. */
export const ALL_STATE_ISO3: readonly string[] = STATES.map((s) => s.iso3);
