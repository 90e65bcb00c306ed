import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const aseanStatement: SampleDocument = {
  key: 'asean-leaders-statement-cyber-2023',
  title: "ASEAN Leaders' Statement on Advancing Cyber Resilience and Regional Cooperation",
  shortTitle: "ASEAN Leaders' Statement on Cyber Resilience",
  issuer: 'associationofsoutheastasiannations',
  issuerName: 'Association of Southeast Asian Nations',
  documentType: 'policy-statement',
  status: 'in-force',
  date: '2023-09-05',
  issuingBody: 'ASEAN Summit, Jakarta',
  subtitle: SAMPLE_LABEL,
  summary: [
    "Reaffirms ASEAN's subscription to the eleven norms and tasks a regional norms implementation checklist.",
    'Commits to operationalise the ASEAN Regional CERT and a regional points-of-contact directory.',
    'Invites dialogue partners to align capacity-building with ASEAN priorities through the regional centres.',
  ],
  oewgPillars: [
    'rules-norms-and-principles',
    'confidence-building-measures',
    'capacity-building',
    'regular-institutional-dialogue',
  ],
  ggeNorms: ['norm-13a', 'norm-13g', 'norm-13h', 'norm-13k'],
  layout: 'single',
  language: 'en',
  translations: [
    {
      language: 'zh',
      title: '东盟领导人关于增强网络韧性和区域合作的声明',
      issuingBody: '东盟峰会，雅加达',
      summary: [
        '重申东盟认同十一项规范，并责成制定区域规范实施核对清单。',
        '承诺使东盟区域计算机应急响应小组和区域联络点名录投入运作。',
        '请对话伙伴通过各区域中心使能力建设与东盟的优先事项保持一致。',
      ],
    },
  ],
  blocks: [
    p(
      'WE, the Heads of State or Government of the Member States of the Association of Southeast Asian Nations (ASEAN), on the occasion of the 43rd ASEAN Summit in Jakarta;',
    ),
    p(
      'RECOGNISING that the digital economy of the region is expected to double in value by the end of the decade, and that its growth depends on a secure, resilient and rules-based cyberspace;',
    ),
    p(
      'CONCERNED by the rise of ransomware, online scams operated by transnational criminal networks, and malicious cyber activity affecting critical information infrastructure in the region;',
    ),
    p(
      "RECALLING the ASEAN Leaders' Statement on Cybersecurity Cooperation of 2018 and the decision of ASEAN Member States to subscribe in principle to the eleven voluntary, non-binding norms of responsible State behaviour recommended in the 2015 report of the Group of Governmental Experts;",
    ),
    h('HEREBY DECLARE:'),
    h('Norms and international law'),
    p(
      '1. We reaffirm that international law, in particular the Charter of the United Nations, is essential to maintaining peace, security and stability in cyberspace, and we remain committed to the eleven voluntary norms of responsible State behaviour as a basis for cooperation among ASEAN Member States and with our partners.',
    ),
    p(
      "2. We task the ASEAN Cybersecurity Coordinating Committee to develop a regional norms implementation checklist, which will set out practical steps that each Member State may take to implement each of the eleven norms, identify capacity gaps, and allow Member States to report voluntarily on their progress. The checklist should be ready for adoption by 2024 and shared with the United Nations as ASEAN's contribution to the Open-ended Working Group. Member States that have completed a voluntary report under the checklist are encouraged to share their experience with those still preparing theirs, and the ASEAN Secretariat will compile the capacity gaps identified so that they can be matched with the offers of dialogue partners. The Committee will review the checklist every two years in the light of the experience of Member States and of the discussions at the United Nations.",
    ),
    h('Operational cooperation'),
    p(
      '3. We welcome the decision to establish the ASEAN Regional Computer Emergency Response Team and commit to making it operational as soon as possible. The ASEAN Regional CERT will facilitate the timely exchange of threat information among national CERTs, coordinate regional responses to incidents affecting several Member States, support joint exercises, and help national CERTs that are still developing their capabilities. We encourage dialogue partners to support its establishment with expertise and resources, in a manner that respects its regional ownership.',
    ),
    p(
      '4. We agree to maintain an ASEAN points-of-contact directory of policy and technical contacts, to be used to communicate rapidly during cyber incidents of regional significance. The directory will be tested at least once a year, and will be coordinated with the ASEAN Regional Forum and the global intergovernmental points-of-contact directory at the United Nations, so that the regional and global directories reinforce each other.',
    ),
    p(
      '5. We will strengthen the protection of critical information infrastructure across the region, including cross-border infrastructure such as undersea cables, regional payment systems and power interconnections, and will develop a shared understanding of the categories of critical information infrastructure that deserve particular protection.',
    ),
    h('Capacity-building'),
    p(
      '6. We recognise that capacity gaps among Member States remain significant and that closing them is a shared interest of the region. We welcome the contribution of the ASEAN-Japan Cybersecurity Capacity Building Centre in Bangkok and of the ASEAN-Singapore Cybersecurity Centre of Excellence, and we invite dialogue partners to align their capacity-building programmes with ASEAN priorities — national CERT capabilities, protection of critical information infrastructure, cybercrime investigation, and training of officials in international law and norms — and to coordinate their efforts through these regional centres.',
    ),
    p('7. We further agree to:'),
    li(
      'promote cybersecurity awareness and skills among our peoples, especially youth and small businesses;',
    ),
    li(
      'intensify cooperation against online scam operations and the trafficking of persons forced to work in them;',
    ),
    li(
      'encourage responsible reporting of ICT vulnerabilities and the sharing of remedies among Member States;',
    ),
    li('enhance cooperation with the private sector, academia and technical communities.'),
    h('Dialogue'),
    p(
      '8. We support the work of the Open-ended Working Group on security of and in the use of ICTs, and look forward to a future permanent mechanism at the United Nations that is inclusive, State-led and consensus-based, and that takes full account of the priorities of developing countries, including capacity-building.',
    ),
    p(
      "9. We task the ASEAN Digital Ministers' Meeting and the ASEAN Ministerial Conference on Cybersecurity to follow up on this Statement and to report on its implementation to the 45th ASEAN Summit.",
    ),
    p(
      'ADOPTED in Jakarta, the Republic of Indonesia, on the fifth day of September in the year two thousand and twenty-three, in a single original copy in the English language.',
    ),
  ],
};
