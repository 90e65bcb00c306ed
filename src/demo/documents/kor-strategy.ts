import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const korStrategy: SampleDocument = {
  key: 'kor-national-cybersecurity-strategy',
  title: 'National Cybersecurity Strategy',
  shortTitle: 'National Cybersecurity Strategy (2024)',
  issuer: 'KOR',
  issuerName: 'Republic of Korea',
  documentType: 'national-strategy',
  status: 'in-force',
  date: '2024-02-01',
  issuingBody: 'Office of National Security',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Sets five strategic objectives, from protecting critical infrastructure to shaping international norms.',
    'Creates a whole-of-government detection, attribution and response chain around the national CERT.',
    'Commits to capacity-building partnerships and to the due diligence principle in the UN processes.',
  ],
  oewgPillars: ['existing-and-potential-threats', 'rules-norms-and-principles', 'capacity-building'],
  ggeNorms: ['norm-13c', 'norm-13g', 'norm-13h', 'norm-13i', 'norm-13j'],
  layout: 'single',
  language: 'en',
  font: 'helvetica',
  blocks: [
    h('1. Introduction'),
    p(
      '1. Cyberspace has become the space in which the Republic of Korea produces, trades, governs and defends itself. Semiconductors, shipbuilding, finance and public administration all depend on networks that are exposed around the clock to criminal groups and to actors acting on behalf of states. This Strategy sets out how the Government, operators of critical infrastructure, industry, academia and citizens will work together so that the nation remains secure, prosperous and trusted in the digital age.',
    ),
    p(
      '2. The Strategy replaces the approach of the previous decade, which relied mainly on defensive measures taken by each institution in isolation. It adopts instead a whole-of-government and whole-of-society model in which threats are detected early, information is shared quickly and responses are coordinated by a single national command line under the Office of National Security.',
    ),
    h('2. Strategic environment'),
    p(
      '3. The threat has grown in scale and sophistication. Ransomware operations now target hospitals, ports and local governments; supply chain compromises reach thousands of organisations through a single software update; and state-sponsored groups steal cryptocurrency and advanced technology to finance weapons programmes in violation of Security Council resolutions. Attacks exploiting artificial intelligence, including automated vulnerability discovery and convincing synthetic voices, lower the cost of intrusion for every adversary.',
    ),
    p(
      '4. At the same time, the digital economy of the Republic of Korea is one of the most connected in the world. More than ninety per cent of public services are delivered online, and the industrial base depends on cloud platforms, satellite links and undersea cables operated across several jurisdictions. The consequences of a major disruption would therefore cross borders quickly, and no single State can address them alone.',
    ),
    p(
      '5. Internationally, the rules that should govern State behaviour in cyberspace remain contested. The Republic of Korea participated in successive Groups of Governmental Experts and in the Open-ended Working Group, and considers that the framework they produced — the applicability of existing international law, the eleven voluntary norms, confidence-building measures and capacity-building — offers the right foundation. The challenge is now implementation, not reinvention.',
    ),
    h('3. Vision and strategic objectives'),
    p(
      '6. Vision: a free, safe and prosperous cyberspace in which the Republic of Korea is a trusted partner and a leading contributor to global cybersecurity. To realise this vision the Government sets five strategic objectives:',
    ),
    li('Objective 1 — protect critical infrastructure and essential public services against disruption;'),
    li(
      'Objective 2 — detect, attribute and respond to cyber attacks through a single national response chain;',
    ),
    li('Objective 3 — grow a competitive cybersecurity industry and a skilled workforce;'),
    li('Objective 4 — lead international cooperation and the implementation of agreed norms;'),
    li('Objective 5 — establish the legal and governance basis for national cybersecurity.'),
    h('4. Strategic tasks'),
    h('4.1 Protecting critical infrastructure'),
    p(
      '7. The Government will designate critical information infrastructure according to a single, risk-based methodology covering energy, transport, finance, health, telecommunications, water and semiconductor production. Operators will be required to appoint a chief information security officer, to report significant incidents within twenty-four hours and to exercise their recovery plans at least once a year. Sector regulators will verify compliance through joint inspections, and the results will be consolidated in an annual national resilience assessment that is presented to the National Assembly. Where an operator depends on suppliers abroad, the assessment will identify the single points of failure and the contingency arrangements agreed with partner countries, so that the protection of infrastructure becomes a shared responsibility rather than a matter for each operator alone.',
    ),
    p(
      '8. Supply chain security will be treated as part of infrastructure protection. The Government will introduce a software bill of materials requirement for products procured by public bodies and critical infrastructure operators, strengthen the security certification of network equipment, and promote a coordinated vulnerability disclosure policy so that researchers who find flaws can report them safely and vendors can publish remedies quickly.',
    ),
    h('4.2 Detection, attribution and response'),
    p(
      '9. A National Cyber Threat Response Chain will link the Office of National Security, the national intelligence services, the Ministry of National Defense, the Ministry of Science and ICT, the National Police Agency and the national CERT. The chain will operate a joint situation room that runs twenty-four hours a day, fuses threat intelligence from public and private sources, and issues alerts to operators within one hour of a confirmed threat.',
    ),
    p(
      '10. The national CERT will be strengthened as the single point of contact for incident coordination at home and abroad. It will receive a clear legal mandate, a dedicated budget line and the authority to request technical information from operators during a major incident. Sectoral response teams for finance, health and energy will connect to it through common reporting formats and an automated information-sharing platform.',
    ),
    p(
      '11. Attribution of significant malicious activity will be conducted through a standing interagency process that weighs technical evidence, intelligence and the wider geopolitical context. The Government may decide to attribute an incident publicly, alone or together with partners, when doing so serves to deter further activity and to uphold the framework of responsible State behaviour. Attribution decisions will remain national political decisions, taken on the basis of all relevant information.',
    ),
    p(
      '12. The Republic of Korea will adopt a proactive posture. Within the limits of domestic and international law, the competent authorities will disrupt malicious infrastructure before it is used against the nation, including botnets and servers used to launder stolen cryptocurrency, and will impose costs on actors who persistently target Korean networks.',
    ),
    h('4.3 Industry, technology and workforce'),
    p(
      '13. The Government will double public investment in cybersecurity research and development by 2027, with priority given to security for artificial intelligence, post-quantum cryptography, zero trust architecture and the protection of operational technology. Public procurement will favour products that meet recognised security-by-design standards, and a national testbed will allow small and medium-sized enterprises to verify their products against realistic attack scenarios.',
    ),
    p(
      '14. The cyber workforce will be expanded by training 30,000 additional specialists by 2028, including 3,000 highly skilled experts in offensive and defensive techniques. A cyber talent academy will offer conversion courses to mid-career professionals, reserve forces with cybersecurity skills will be organised, and a white-hat hacker programme will channel young talent towards legitimate careers.',
    ),
    h('4.4 International cooperation and norms'),
    p(
      '15. The Republic of Korea reaffirms that existing international law, including the Charter of the United Nations in its entirety, applies to the conduct of States in cyberspace. It attaches particular importance to the due diligence principle: States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs, and should take reasonable steps to stop such activity once they become aware of it.',
    ),
    p(
      '16. The Government will expand bilateral cyber policy consultations with like-minded partners, hold regular trilateral dialogues in North-East Asia, and contribute actively to the regular institutional dialogue at the United Nations that follows the Open-ended Working Group. It supports a permanent, action-oriented mechanism that helps States implement the framework rather than reopen it.',
    ),
    p(
      '17. Capacity-building is an investment in collective security. The Republic of Korea will triple its official development assistance for cybersecurity by 2028, focusing on the countries of the Association of Southeast Asian Nations, the Pacific and Africa. Programmes will be demand-driven and will cover national CERT development, cybercrime investigation, the protection of critical infrastructure and the training of diplomats in the UN framework. Partners will be invited to co-design the programmes, and results will be measured against indicators agreed with them.',
    ),
    p(
      '18. The Republic of Korea will support regional confidence-building measures, including the points-of-contact directories of the ASEAN Regional Forum and of the United Nations, and will participate in regular exercises that test those contacts in realistic crisis scenarios.',
    ),
    h('4.5 Legal and governance basis'),
    p(
      '19. A framework act on national cybersecurity will give the Strategy a firm legal basis. It will define the roles of each agency, set out the powers of the national CERT during incidents, establish the incident reporting obligations of critical infrastructure operators, and provide safeguards for privacy and the protection of personal information, subject to oversight by the National Assembly and the courts.',
    ),
    h('5. Implementation and review'),
    p(
      '20. Ministries will translate this Strategy into a National Cybersecurity Implementation Plan with concrete actions, lead agencies, timelines and performance indicators. The Office of National Security will coordinate the plan, report on progress annually and review the Strategy itself at least every three years or sooner if the threat environment changes significantly.',
    ),
    p(
      '21. The Government will publish an unclassified summary of each annual progress report, so that citizens, industry and international partners can follow how the commitments made here are carried out.',
    ),
  ],
};
