import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const kenStrategy: SampleDocument = {
  key: 'ken-national-cybersecurity-strategy-2022',
  title: 'National Cybersecurity Strategy 2022–2027',
  shortTitle: 'National Cybersecurity Strategy 2022–2027',
  issuer: 'KEN',
  issuerName: 'Republic of Kenya',
  documentType: 'national-strategy',
  status: 'in-force',
  date: '2022-10-18',
  issuingBody: 'National Computer and Cybercrimes Coordination Committee',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Five pillars: governance and law, critical information infrastructure, incident response, skills, cooperation.',
    'Commits to amending the cybercrime law, including offences against critical infrastructure and safeguards for rights.',
    'Positions the national KE-CIRT/CC as the coordinator of incident reporting and regional cooperation.',
  ],
  oewgPillars: ['existing-and-potential-threats', 'capacity-building', 'rules-norms-and-principles'],
  ggeNorms: ['norm-13d', 'norm-13e', 'norm-13g', 'norm-13h'],
  layout: 'single',
  language: 'en',
  translations: [
    {
      language: 'fr',
      title: 'Stratégie nationale de cybersécurité 2022–2027',
      issuingBody: 'Comité national de coordination en matière informatique et de cybercriminalité',
      summary: [
        "Cinq piliers : gouvernance et droit, infrastructures d'information critiques, réponse aux incidents, compétences, coopération.",
        'Prévoit de modifier la loi sur la cybercriminalité, notamment les infractions visant les infrastructures critiques et les garanties des droits.',
        'Confie au KE-CIRT/CC national la coordination du signalement des incidents et de la coopération régionale.',
      ],
    },
    {
      language: 'ar',
      title: 'الاستراتيجية الوطنية للأمن السيبراني 2022–2027',
      issuingBody: 'اللجنة الوطنية لتنسيق شؤون الحاسوب والجرائم السيبرانية',
      summary: [
        'خمس ركائز: الحوكمة والقانون، والبنية التحتية الحيوية للمعلومات، والتصدي للحوادث، والمهارات، والتعاون.',
        'تلتزم بتعديل قانون الجرائم السيبرانية، بما في ذلك الجرائم التي تستهدف البنية التحتية الحيوية وضمانات الحقوق.',
        'تجعل من الفريق الوطني للاستجابة للحوادث الحاسوبية (KE-CIRT/CC) الجهة المنسقة للإبلاغ عن الحوادث وللتعاون الإقليمي.',
      ],
    },
  ],
  blocks: [
    h('1. Background'),
    p(
      '1. Kenya is one of the most dynamic digital economies in Africa. Mobile money, online government services through the eCitizen platform and a fast-growing technology sector have brought millions of people into the formal economy. This progress depends on the confidentiality, integrity and availability of the networks and systems that carry it, and on the trust of citizens that their data and transactions are safe.',
    ),
    p(
      "2. This Strategy sets out the vision of a secure and resilient cyberspace that supports Kenya's development agenda. It is issued by the National Computer and Cybercrimes Coordination Committee and applies to national and county governments, regulators, operators of critical information infrastructure, the private sector, academia and civil society.",
    ),
    h('2. Threat landscape'),
    p(
      '3. The national KE-CIRT/CC detects tens of millions of cyber threat events each quarter. The most frequent are malware infections, attacks on web applications, and attempts to exploit weakly configured systems in county governments. Financial fraud through SIM-swap schemes, mobile money scams and business email compromise causes significant losses to households and small businesses, while ransomware has begun to affect hospitals and utilities.',
    ),
    p(
      '4. Many of these crimes are committed by actors located outside Kenya, or use infrastructure hosted abroad. Investigations therefore depend on rapid cooperation with foreign law enforcement authorities and service providers, which is often slowed by the absence of agreements, by differences between legal systems and by the time it takes to preserve electronic evidence before it disappears.',
    ),
    h('3. Strategic pillars'),
    h('3.1 Governance and legal framework'),
    p(
      '5. Kenya will review the Computer Misuse and Cybercrimes Act to keep pace with technology. The review will introduce specific offences for attacks on critical information infrastructure and for ransomware and extortion, create procedural powers for the expedited preservation and production of electronic evidence, and align the law with regional and international instruments so that Kenyan authorities can cooperate with their foreign counterparts. The review will be conducted with the participation of the public, the private sector and civil society, and it will strengthen, not weaken, the protection of constitutional rights. Any new power to access data will be subject to judicial authorisation, limited to what is necessary and proportionate, and accompanied by remedies for persons whose rights are affected.',
    ),
    p(
      '6. Governance will be coordinated by the National Computer and Cybercrimes Coordination Committee, which brings together the ministries responsible for ICT, interior and defence, the National Intelligence Service, the Directorate of Criminal Investigations, the Communications Authority and the Office of the Data Protection Commissioner.',
    ),
    h('3.2 Critical information infrastructure'),
    p(
      '7. The Committee will designate critical information infrastructure in the energy, finance, telecommunications, health, water, transport and public administration sectors. Owners and operators of designated systems will conduct annual risk assessments, implement minimum security controls, and report cyber incidents affecting their systems to the national KE-CIRT/CC. Interfering with the functioning of such systems will be treated as an aggravated offence.',
    ),
    h('3.3 Incident response'),
    p(
      '8. The national KE-CIRT/CC, hosted by the Communications Authority, will remain the national coordinator of cyber incident response. It will set up sectoral response teams for finance and health, adopt a national incident classification so that all operators report incidents in the same format and within fixed deadlines, and publish quarterly threat reports. The Strategy sets a target of one sectoral team per critical sector by 2025.',
    ),
    h('3.4 Skills and awareness'),
    p(
      '9. Kenya will build a pool of cybersecurity professionals through university programmes, technical and vocational training, and partnerships with industry. Awareness campaigns will reach citizens, small businesses and county officials, in English and Kiswahili, and will focus on fraud prevention and safe use of mobile money. Specific actions include:',
    ),
    li('a national cyber skills framework linking qualifications to job roles;'),
    li('an annual national cyber drill involving operators of critical information infrastructure;'),
    li('training of investigators, prosecutors and judges in the handling of electronic evidence.'),
    h('3.5 International and regional cooperation'),
    p(
      '10. Kenya will strengthen cooperation with the East African Community, the African Union and international partners. It will establish a 24/7 point of contact for urgent requests for assistance in cybercrime investigations, join regional arrangements for the exchange of information between response teams, and pursue mutual legal assistance agreements with the States where most of the infrastructure used against Kenyan victims is located.',
    ),
    p(
      '11. At the United Nations, Kenya supports the framework of responsible State behaviour and the eleven voluntary norms, and calls for capacity-building that responds to the priorities of developing countries. Kenya welcomes partners who support the development of national CERTs, cybercrime units and forensic laboratories, and expects such support to be aligned with this Strategy and delivered under national leadership.',
    ),
    h('4. Implementation, monitoring and evaluation'),
    p(
      '12. Each pillar will be translated into annual work plans by the lead institutions. The Committee will monitor implementation through a results framework, report annually to the Cabinet, and conduct a mid-term review in 2025.',
    ),
  ],
};
