import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const korPlan: SampleDocument = {
  key: 'kor-implementation-plan-2024',
  title: 'National Cybersecurity Implementation Plan 2024–2026',
  shortTitle: 'Implementation Plan 2024–2026',
  issuer: 'KOR',
  issuerName: 'Republic of Korea',
  documentType: 'implementation-plan',
  status: 'in-force',
  date: '2024-09-10',
  issuingBody: 'Office of National Security, with the Ministry of Science and ICT',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Turns the five objectives of the 2024 National Cybersecurity Strategy into numbered actions with lead agencies.',
    'Sets deadlines and indicators for the response chain, the CERT mandate, the workforce and development assistance.',
  ],
  oewgPillars: ['capacity-building', 'confidence-building-measures', 'rules-norms-and-principles'],
  ggeNorms: ['norm-13g', 'norm-13i', 'norm-13k'],
  layout: 'single',
  language: 'en',
  blocks: [
    h('1. Purpose and structure'),
    p(
      '1. This Plan implements the National Cybersecurity Strategy adopted in February 2024. For each of the five strategic objectives it lists the actions to be taken in 2024–2026, the lead and supporting agencies, the deadline and the indicator by which progress will be judged. The Office of National Security coordinates the Plan and reports on its execution every year, as the Strategy requires, and publishes an unclassified summary of the annual progress report.',
    ),
    p(
      '2. Actions are numbered by objective: actions 1.x serve Objective 1 on critical infrastructure, actions 2.x serve Objective 2 on detection, attribution and response, and so on. Where an action depends on the framework act on national cybersecurity, the dependency is stated so that delays can be traced.',
    ),
    h('2. Objective 1: Critical infrastructure'),
    p(
      'Action 1.1 — Designation of critical information infrastructure. Lead: Ministry of Science and ICT; support: sector regulators. By June 2025, all sector regulators will apply the single risk-based designation methodology to energy, transport, finance, health, telecommunications, water and semiconductor production. Each designated operator will appoint a chief information security officer and confirm the arrangement for reporting significant incidents within twenty-four hours. Indicator: share of designated operators that have exercised their recovery plans in the past twelve months (target: 100 per cent by 2026).',
    ),
    p(
      'Action 1.2 — National resilience assessment. Lead: Office of National Security. The first annual national resilience assessment, consolidating the joint inspections of sector regulators and mapping the foreign single points of failure on which operators depend, will be presented to the National Assembly in the first quarter of 2026.',
    ),
    p(
      'Action 1.3 — Software bill of materials and certification. Lead: Ministry of Science and ICT; support: Public Procurement Service. From January 2026, suppliers of software to public bodies and critical infrastructure operators will deliver a software bill of materials with each product. The security certification scheme for network equipment will be revised to cover update mechanisms and hidden remote-access functions, and a national coordinated vulnerability disclosure policy will be published, with a safe-harbour clause for researchers acting in good faith.',
    ),
    h('3. Objective 2: Detection, attribution and response'),
    p(
      'Action 2.1 — Joint situation room of the National Cyber Threat Response Chain. Lead: Office of National Security; support: intelligence services, Ministry of National Defense, Ministry of Science and ICT, National Police Agency, national CERT. The joint situation room will begin twenty-four-hour operation by March 2025. It will fuse threat intelligence from public and private sources on a shared classified and unclassified platform. Indicator: median time between a confirmed threat and the alert to affected operators (target: under one hour). The situation room will also maintain the contact list used to reach foreign counterparts during an incident, and will test it quarterly.',
    ),
    p(
      'Action 2.2 — Mandate and resources of the national CERT. Lead: Ministry of Science and ICT. The framework act will give the national CERT its legal mandate as the single point of contact for incident coordination, including the authority to request technical information from operators during a major incident. A dedicated budget line will be created from the 2025 budget, and staff will increase by forty per cent. Sectoral response teams for finance, health and energy will connect to the CERT through common reporting formats by the end of 2025.',
    ),
    p(
      'Action 2.3 — Interagency attribution process. Lead: Office of National Security. A standing attribution working group will be established, with written procedures for weighing technical evidence, intelligence and geopolitical context, and for preparing decisions on public attribution, taken alone or jointly with partners. The procedures will include a review after each public attribution to assess its deterrent effect.',
    ),
    p(
      'Action 2.4 — Disruption of malicious infrastructure. Lead: National Police Agency; support: Ministry of National Defense. Operations to take down botnets and servers used to launder stolen cryptocurrency will be planned under a legal review that confirms their compliance with domestic and international law. Indicator: number of disruption operations conducted with foreign law enforcement partners.',
    ),
    h('4. Objective 3: Industry and workforce'),
    p(
      'Action 3.1 — Research and development. Lead: Ministry of Science and ICT. Public research funding for security of artificial intelligence, post-quantum cryptography, zero trust and operational technology will rise each year until it has doubled in 2027. The national testbed for small and medium-sized enterprises will open in 2025.',
    ),
    p(
      'Action 3.2 — Cyber workforce of 30,000 specialists. Lead: Ministry of Science and ICT; support: Ministry of Education, Ministry of National Defense. The cyber talent academy will open in 2025 with conversion courses for mid-career professionals; university programmes will be expanded; and the white-hat hacker programme will be extended to all provinces. Indicators:',
    ),
    li('number of specialists trained each year, against a cumulative target of 30,000 by 2028;'),
    li('number of highly skilled experts certified, against a target of 3,000;'),
    li('share of trainees employed in the cybersecurity sector twelve months after completion.'),
    h('5. Objective 4: International cooperation'),
    p(
      'Action 4.1 — Development assistance for cybersecurity. Lead: Ministry of Foreign Affairs; support: Korea International Cooperation Agency. Official development assistance for cybersecurity will grow each year so as to triple by 2028. In 2025, new demand-driven programmes will open with three member states of the Association of Southeast Asian Nations and two Pacific island states, covering national CERT development, cybercrime investigation and the training of diplomats in the UN framework. Results indicators will be agreed with each partner country before a programme starts.',
    ),
    p(
      'Action 4.2 — Bilateral and regional dialogue. Lead: Ministry of Foreign Affairs. Annual cyber policy consultations will be held with at least eight partners, and a trilateral North-East Asian dialogue will be convened each year. The delegation to the United Nations will prepare national positions for the permanent mechanism that succeeds the Open-ended Working Group.',
    ),
    p(
      'Action 4.3 — Points of contact and exercises. Lead: Ministry of Foreign Affairs; support: national CERT. The Republic of Korea will keep its diplomatic and technical entries in the ASEAN Regional Forum and United Nations points-of-contact directories up to date, answer every directory ping test within the expected time, and take part in at least two regional crisis exercises each year that test those contacts in realistic scenarios.',
    ),
    h('6. Objective 5: Legal and governance basis'),
    p(
      'Action 5.1 — Framework act on national cybersecurity. Lead: Office of National Security; support: Ministry of Government Legislation. A draft framework act will be submitted to the National Assembly in 2025. It will allocate roles among agencies, set out the powers of the national CERT during incidents and the incident reporting obligations of operators, and include safeguards for privacy and personal information under parliamentary and judicial oversight.',
    ),
    h('7. Monitoring'),
    p(
      '3. Each lead agency will report quarterly to the Office of National Security on its actions. Delays of more than six months will be reported to the National Security Council with a recovery proposal. The Plan will be revised in 2026 in the light of the first progress report and any review of the Strategy.',
    ),
  ],
};
