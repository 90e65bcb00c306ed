import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const estStrategy: SampleDocument = {
  key: 'est-cybersecurity-strategy-2024',
  title: 'Cybersecurity Strategy 2024–2030: A Resilient Digital State',
  shortTitle: 'Cybersecurity Strategy 2024–2030',
  issuer: 'EST',
  issuerName: 'Republic of Estonia',
  documentType: 'national-strategy',
  status: 'in-force',
  date: '2024-06-13',
  issuingBody: 'Ministry of Economic Affairs and Communications',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Three goals: a resilient digital state, a capable cyber community and a trusted international partner.',
    'Announces a government regulation renewing the mandate of the national CERT.',
    'States that sovereignty is a binding rule in cyberspace and that injured States may be assisted by collective countermeasures.',
  ],
  oewgPillars: ['international-law', 'existing-and-potential-threats', 'capacity-building'],
  ggeNorms: ['norm-13c', 'norm-13g', 'norm-13k'],
  layout: 'single',
  language: 'en',
  translations: [
    {
      language: 'ru',
      title: 'Стратегия кибербезопасности на 2024–2030 годы: устойчивое цифровое государство',
      issuingBody: 'Министерство экономики и коммуникаций',
      summary: [
        'Три цели: устойчивое цифровое государство, дееспособное киберсообщество и надежный международный партнер.',
        'Объявляет о постановлении правительства, обновляющем мандат национальной группы CERT.',
        'Утверждает, что суверенитет является обязательной нормой в киберпространстве и что пострадавшим государствам может оказываться помощь посредством коллективных контрмер.',
      ],
    },
  ],
  blocks: [
    h('1. Introduction'),
    p(
      '1. Estonia runs its state on digital services. Citizens vote, sign contracts, file taxes and consult their health records online, and the continuity of these services is a matter of national security. This Strategy describes how the state, private companies and the wider cyber community will keep those services running in the face of malicious activity, and how Estonia will contribute to a stable international order in cyberspace.',
    ),
    p(
      '2. The Strategy builds on the experience gained since the coordinated denial-of-service campaign of 2007, which taught that cyber incidents can be used as tools of political pressure against a small state, and that resilience is the best answer to such pressure.',
    ),
    h('2. Where we stand'),
    p(
      '3. Threat actors linked to hostile states routinely probe government networks, media organisations and providers of vital services. Since the full-scale invasion of Ukraine, the number of denial-of-service attacks against Estonian public websites has grown several times over, and hacktivist groups act in coordination with state campaigns. Criminal ransomware groups remain the most frequent cause of serious incidents for companies, while the quality of phishing has improved markedly with generative language tools.',
    ),
    p(
      '4. Estonian institutions meet these threats with strong foundations: a single national authority for information security, a well-known national CERT, high digital literacy and close cooperation between the public and private sectors. Weaknesses remain in local governments and small enterprises, which lack specialised staff, and in the dependence of many services on a few foreign cloud providers.',
    ),
    h('3. Goals'),
    h('3.1 A resilient digital state'),
    p(
      '5. Vital services — electricity, gas, water, telecommunications, payments and the digital identity infrastructure — must continue to function during a serious cyber incident. Providers of vital services will maintain tested continuity plans, keep critical data in the data embassy or equivalent secure locations, and be able to operate in isolated mode for a defined period.',
    ),
    p(
      '6. The national CERT, operating within the Information System Authority, is the backbone of incident response in Estonia. Its mandate has grown through practice rather than through a single legal act. The Government will therefore adopt a regulation that establishes the national computer security incident response team formally, defines its tasks, its powers to request information during incidents and its duty of confidentiality, and sets out how it cooperates with sectoral teams, the Defence Forces and foreign partners. The regulation will be prepared in 2024 and adopted after public consultation.',
    ),
    p(
      '7. Providers of vital services and state agencies will report significant incidents to the national CERT without undue delay and in any case within twenty-four hours of detection, using a single online form. The national CERT will return an assessment and, where relevant, indicators of compromise that other organisations can use to protect themselves.',
    ),
    h('3.2 A capable cyber community'),
    p(
      '8. Estonia will train cybersecurity specialists for the public and private sectors, support the cyber curriculum in general education, and maintain the volunteer Cyber Defence Unit of the Defence League, which brings private-sector experts into national defence. Local governments will receive a shared security service so that they do not need to build their own teams.',
    ),
    li('at least 1,500 new cybersecurity specialists trained by 2030;'),
    li('a basic cyber hygiene course completed by every civil servant each year;'),
    li('a shared security operations service available to all 79 local governments.'),
    h('3.3 A trusted international partner'),
    p(
      "9. Estonia will remain an active member of the European Union Computer Security Incident Response Teams Network and of NATO's cyber defence community, and will host exercises such as Locked Shields together with the NATO Cooperative Cyber Defence Centre of Excellence in Tallinn. The national CERT will continue to cooperate with its foreign counterparts through FIRST and bilateral agreements.",
    ),
    p(
      '10. Development cooperation will help partner countries build digital government that is secure by design. Estonia will share its experience in Ukraine, Moldova, Georgia and African partner states, in particular through the e-Governance Academy, with a focus on secure identity systems, national CERT capacity and election security.',
    ),
    h('4. International law and norms'),
    p(
      '11. Estonia holds that international law, including the Charter of the United Nations, international humanitarian law and international human rights law, applies to the use of information and communications technologies by States. The eleven norms of responsible State behaviour complement, and do not replace, these binding obligations.',
    ),
    p(
      '12. Sovereignty is a rule of international law in its own right, and not merely a principle from which other rules derive. A cyber operation attributable to a State that causes harmful effects in the territory of another State, or that interferes with inherently governmental functions such as elections, can violate the sovereignty of that State even when it does not amount to a use of force or a prohibited intervention.',
    ),
    p(
      "13. A State injured by an internationally wrongful act may take proportionate countermeasures to induce the responsible State to comply with its obligations. In Estonia's view, States that are not directly injured may also apply countermeasures on behalf of the injured State at its request. Such collective countermeasures allow smaller States, which may lack the means to respond alone, to be assisted by their partners, and they strengthen deterrence in cyberspace without lowering the threshold for the use of force.",
    ),
    p(
      '14. Due diligence requires States to take the measures reasonably available to them to end malicious cyber operations launched from their territory against other States once they know of them. Estonia expects all States to act on this obligation and offers technical assistance to those who need help in doing so.',
    ),
    p(
      '15. Estonia supports a permanent United Nations mechanism on ICT security that is inclusive of all States, builds on the consensus reports of the Groups of Governmental Experts and the Open-ended Working Group, and involves civil society, academia and the private sector.',
    ),
    h('5. Implementation'),
    p(
      '16. The Ministry of Economic Affairs and Communications coordinates this Strategy through the Cybersecurity Council, which brings together ministries, the Information System Authority, the Defence Forces and representatives of the private sector. An action plan with indicators is updated every two years, and an independent evaluation of the Strategy will take place in 2027.',
    ),
  ],
};
