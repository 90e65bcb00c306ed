import { h, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const kenCybercrimeAct: SampleDocument = {
  key: 'ken-computer-misuse-amendment-act-2024',
  title: 'Computer Misuse and Cybercrimes (Amendment) Act, 2024',
  shortTitle: 'Computer Misuse and Cybercrimes (Amendment) Act',
  issuer: 'KEN',
  issuerName: 'Republic of Kenya',
  documentType: 'legislation',
  status: 'in-force',
  date: '2024-11-26',
  issuingBody: 'Parliament of Kenya',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Adds offences for interference with critical information infrastructure and for ransomware extortion.',
    'Creates expedited preservation and production orders under judicial authorisation.',
    'Establishes a 24/7 point of contact and an incident reporting duty for critical infrastructure operators.',
  ],
  oewgPillars: ['existing-and-potential-threats', 'rules-norms-and-principles'],
  ggeNorms: ['norm-13d', 'norm-13e', 'norm-13g'],
  layout: 'single',
  language: 'en',
  blocks: [
    p(
      'AN ACT of Parliament to amend the Computer Misuse and Cybercrimes Act to provide for offences against critical information infrastructure, for procedural powers relating to electronic evidence, for international cooperation, and for connected purposes. ENACTED by the Parliament of Kenya as follows:',
    ),
    h('Part I — Preliminary'),
    h('Article 1 — Short title and commencement'),
    p(
      '1. This Act may be cited as the Computer Misuse and Cybercrimes (Amendment) Act, 2024, and shall come into operation on such date as the Cabinet Secretary may, by notice in the Gazette, appoint.',
    ),
    h('Article 2 — Interpretation'),
    p(
      '2. In this Act, "critical information infrastructure" means a computer system designated under the principal Act whose disruption would have a debilitating effect on national security, the economy, public health or safety; "service provider" means any public or private entity that provides users with the ability to communicate by means of a computer system, or that processes or stores data on behalf of such an entity or its users; and "traffic data" means data relating to a communication that indicates its origin, destination, route, time, size, duration or type of service.',
    ),
    h('Article 3 — Objects'),
    p(
      '3. The objects of this Act are to keep the principal Act abreast of technology as provided in the National Cybersecurity Strategy; to create offences for attacks on critical information infrastructure and for ransomware and extortion; to provide for the expedited preservation and production of electronic evidence; to enable cooperation with foreign authorities; and to ensure that the powers it confers are exercised with respect for the rights guaranteed by the Constitution. In interpreting this Act, a court shall have regard to these objects and to the international instruments on cybercrime and electronic evidence to which Kenya is a party, and shall prefer an interpretation that enables cooperation with foreign authorities while protecting the rights of the persons concerned. Nothing in this Act shall be construed as limiting the right of any person to seek redress under the Data Protection Act or under any other written law.',
    ),
    h('Part II — Offences'),
    h('Article 4 — Unauthorised access'),
    p(
      '4. A person who knowingly causes a computer system to perform a function with intent to secure access to any program or data held in that system, where that access is unauthorised, commits an offence and is liable on conviction to a fine not exceeding five million shillings or to imprisonment for a term not exceeding three years, or to both.',
    ),
    h('Article 5 — Interference with critical information infrastructure'),
    p(
      '5. (1) A person who, without authority, intentionally interferes with, hinders or damages the functioning of critical information infrastructure, or any data held in it, commits an aggravated offence and is liable on conviction to a fine not exceeding twenty million shillings or to imprisonment for a term not exceeding twenty years, or to both. (2) Where the offence results in the interruption of an essential public service, including the supply of electricity or water, health services or payment systems, the court shall treat that interruption as an aggravating factor in sentencing.',
    ),
    h('Article 6 — Ransomware and extortion'),
    p(
      '6. A person who encrypts, deletes, suppresses or threatens to publish data belonging to another person with intent to demand payment or any other advantage for its restoration or non-publication commits an offence and is liable on conviction to imprisonment for a term not exceeding fifteen years.',
    ),
    h('Article 7 — Misuse of devices'),
    p(
      '7. A person who produces, sells, procures for use, imports or otherwise makes available a device, program or password designed primarily for committing an offence under this Part commits an offence. This Article does not apply to authorised testing, to the protection of a computer system, or to research conducted in good faith and reported through a coordinated vulnerability disclosure process.',
    ),
    h('Part III — Procedural powers'),
    h('Article 8 — Expedited preservation of data'),
    p(
      '8. Where there are reasonable grounds to believe that data stored in a computer system is vulnerable to loss or modification and is required for a criminal investigation, a police officer may, by written notice, require the service provider to preserve the data, including traffic data, for a period not exceeding ninety days, which a court may extend once for a further ninety days.',
    ),
    h('Article 9 — Production orders'),
    p(
      "9. A court may, on the application of a police officer, order a person in Kenya to produce specified data in that person's possession or control, or order a service provider offering its services in Kenya to produce subscriber information, where the court is satisfied that the data is necessary and proportionate for the purposes of a specific criminal investigation.",
    ),
    h('Part IV — International cooperation'),
    h('Article 10 — Point of contact and mutual assistance'),
    p(
      '10. (1) The Directorate of Criminal Investigations shall designate a point of contact available twenty-four hours a day, seven days a week, to ensure the provision of immediate assistance for investigations concerning computer systems and data, including the expedited preservation of data at the request of a foreign State. (2) The Central Authority may provide and request mutual legal assistance in relation to offences under this Act on the basis of a treaty or of reciprocity.',
    ),
    h('Part V — Safeguards and incident reporting'),
    h('Article 11 — Safeguards'),
    p(
      '11. The powers conferred by Part III shall be exercised only under judicial authorisation, shall be limited to what is necessary and proportionate to the investigation concerned, and shall not be used to restrict lawful expression, journalism or political activity. A person whose data has been accessed under this Act may apply to the High Court for a remedy where the power was exercised unlawfully.',
    ),
    h('Article 12 — Reporting of incidents by operators'),
    p(
      '12. The owner or operator of critical information infrastructure shall report any cyber incident affecting its systems to the national KE-CIRT/CC within twenty-four hours of becoming aware of it, in the format prescribed by the national incident classification, and shall cooperate with the KE-CIRT/CC in the response to the incident.',
    ),
  ],
};
