import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const jpnCapacityProgramme: SampleDocument = {
  key: 'jpn-asean-capacity-building-programme',
  title: 'Japan–ASEAN Cybersecurity Capacity Building Programme 2024–2027: Programme Document',
  shortTitle: 'Japan–ASEAN Capacity Building Programme',
  issuer: 'JPN',
  issuerName: 'Japan',
  documentType: 'implementation-plan',
  status: 'in-force',
  date: '2024-03-01',
  issuingBody: 'Ministry of Foreign Affairs of Japan, with the National cybersecurity office',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Four components: CERT training and exercises, support to the ASEAN Regional CERT, critical infrastructure, diplomats.',
    "Answers the 2023 ASEAN Leaders' Statement call to align capacity-building with ASEAN priorities.",
    'Demand-driven and co-designed, with indicators agreed with ASEAN Member States.',
  ],
  oewgPillars: ['capacity-building', 'confidence-building-measures', 'rules-norms-and-principles'],
  ggeNorms: ['norm-13g', 'norm-13h', 'norm-13k'],
  layout: 'single',
  language: 'en',
  blocks: [
    h('1. Background'),
    p(
      "1. In their Statement of September 2023, the ASEAN Leaders invited dialogue partners to align their capacity-building programmes with ASEAN priorities — national CERT capabilities, the protection of critical information infrastructure, cybercrime investigation and the training of officials in international law and norms — and to coordinate their efforts through the regional centres. This Programme is Japan's response. It builds on the ASEAN-Japan Cybersecurity Capacity Building Centre in Bangkok, which has trained more than one thousand officials and engineers since 2018.",
    ),
    p(
      "2. Japan and ASEAN share an interest in a free, fair and secure cyberspace. Japan's own National Cybersecurity Strategy identifies the Indo-Pacific as a priority for cooperation, because incidents in one economy of the region quickly affect the supply chains and services of the others.",
    ),
    h('2. Objectives'),
    p(
      '3. The overall objective is to strengthen the capacity of ASEAN Member States to prevent, detect and respond to cyber incidents and to implement the framework of responsible State behaviour. The specific objectives are to raise the operational maturity of national CERTs, to support the regional coordination role of the ASEAN Regional CERT, to improve the protection of critical information infrastructure, and to prepare officials to take part in international discussions on norms and law.',
    ),
    h('3. Components'),
    h('3.1 Training and exercises for national CERTs'),
    p(
      '4. The Centre in Bangkok will deliver hands-on courses in incident handling, digital forensics, malware analysis and the defence of operational technology, with at least twelve courses per year. An annual ASEAN-Japan cyber exercise will allow national CERTs to practise coordinated responses to a regional incident scenario. The courses will be offered in a train-the-trainer format so that national institutions can repeat them at home. Course materials will be translated into national languages where Member States request it, and alumni of the Centre will be connected through a regional network that meets once a year to exchange lessons learned from real incidents.',
    ),
    h('3.2 Support to the ASEAN Regional CERT'),
    p(
      "5. Responding to the Leaders' decision to establish the ASEAN Regional Computer Emergency Response Team, Japan will second experts to help design its procedures for the exchange of threat information among national CERTs and for the coordination of regional responses. Japan will fund a secure information-sharing platform and the first three years of the Regional CERT's joint exercises, while the Regional CERT itself will remain under ASEAN ownership and direction.",
    ),
    h('3.3 Critical information infrastructure'),
    p(
      '6. Workshops for regulators and operators will cover the designation of critical information infrastructure, risk assessment, incident reporting and the security of cross-border infrastructure such as undersea cables and regional payment systems. Japan will share its experience of the protection of critical infrastructure before and during large international events.',
    ),
    h('3.4 Norms, international law and confidence-building'),
    p(
      '7. A course for diplomats and legal advisers will explain the eleven norms, how international law applies in cyberspace and how the United Nations processes work. It will be aligned with the regional norms implementation checklist that the ASEAN Cybersecurity Coordinating Committee was tasked to develop, so that participants can use the checklist to identify practical implementation steps and capacity gaps in their own administrations.',
    ),
    p(
      '8. Japan will support the ASEAN points-of-contact directory by co-organising an annual communication test of the policy and technical contacts, and a tabletop exercise in which contacts practise communicating rapidly during a cyber incident of regional significance, in coordination with the ASEAN Regional Forum directory.',
    ),
    h('4. Principles'),
    p(
      '9. The Programme is demand-driven: each activity is proposed or endorsed by the ASEAN Member States concerned, and the annual work plan is agreed with the ASEAN Secretariat. It respects national ownership, avoids duplication with other partners through the coordination mechanisms of the regional centres, and promotes the participation of women in all activities.',
    ),
    p(
      '10. Japan delivers this Programme as a partner that shares with ASEAN the values of a free, open and secure cyberspace based on the rule of law. Capacity-building serves those shared values: it helps States protect their infrastructure, respect human rights online and implement the norms they have subscribed to in the United Nations.',
    ),
    h('5. Budget, monitoring and evaluation'),
    p(
      '11. The Programme is funded through the Japan-ASEAN Integration Fund for four years. Progress will be measured by:',
    ),
    li('the number of officials and engineers trained, disaggregated by country and gender;'),
    li('the share of national CERTs that reach the next maturity level in an agreed self-assessment;'),
    li('participation and response times in the annual points-of-contact communication test;'),
    li('the number of Member States that report on their implementation of the norms checklist.'),
    p(
      '12. An independent mid-term evaluation will take place in 2026, and its findings will be discussed with ASEAN Member States before the Programme is extended or adjusted.',
    ),
  ],
};
