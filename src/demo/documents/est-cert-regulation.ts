import { h, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const estCertRegulation: SampleDocument = {
  key: 'est-national-cert-regulation-draft',
  title: 'Draft Regulation Establishing the National Computer Security Incident Response Team',
  shortTitle: 'Draft Regulation on the National CERT',
  issuer: 'EST',
  issuerName: 'Republic of Estonia',
  documentType: 'regulation',
  status: 'in-progress',
  date: '2025-02-18',
  issuingBody: 'Government of the Republic (draft for public consultation)',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Formally establishes the national CERT within the Information System Authority and lists its tasks.',
    "Sets a twenty-four-hour reporting duty for significant incidents and the CERT's power to request information.",
    'Forbids use of the CERT for malicious international activity and protects foreign response teams.',
  ],
  oewgPillars: ['confidence-building-measures', 'rules-norms-and-principles'],
  ggeNorms: ['norm-13g', 'norm-13h', 'norm-13k'],
  layout: 'single',
  language: 'en',
  blocks: [
    p(
      'This draft regulation is issued on the basis of the Cybersecurity Act and implements the Cybersecurity Strategy 2024–2030, goal 3.1. Comments may be submitted through the public consultation portal until 31 March 2025. The explanatory memorandum accompanying the draft sets out the expected costs for the Information System Authority and for providers of vital services.',
    ),
    h('Chapter 1. General provisions'),
    h('§ 1. Scope'),
    p(
      '(1) This regulation establishes the national computer security incident response team (hereinafter the national CERT), determines its tasks and powers, and lays down the procedure for reporting incidents to it and for its cooperation with other authorities and with foreign response teams.',
    ),
    p(
      '(2) This regulation applies to state agencies, local governments, providers of vital services and operators of essential services within the meaning of the Cybersecurity Act.',
    ),
    h('§ 2. Establishment and tasks of the national CERT'),
    p(
      '(1) The national CERT is established as a structural unit of the Information System Authority. It is the single national point of contact for the handling of computer security incidents and the national computer security incident response team for the purposes of European Union law.',
    ),
    p('(2) The tasks of the national CERT are:'),
    p(
      '(a) to monitor threats and incidents affecting networks and information systems in Estonia around the clock;',
    ),
    p(
      '(b) to receive reports of incidents, to assess them, and to give those affected advice and, where necessary, on-site assistance for containment and recovery;',
    ),
    p(
      '(c) to issue early warnings and alerts, and to publish indicators of compromise that other organisations can use to protect their systems;',
    ),
    p('(d) to coordinate the response when an incident affects several organisations or sectors;'),
    p(
      '(e) to coordinate the disclosure of vulnerabilities between researchers who report them and the vendors concerned;',
    ),
    p('(f) to cooperate with foreign response teams and international networks of response teams.'),
    h('Chapter 2. Reporting of incidents'),
    h('§ 3. Significant incidents'),
    p(
      '(1) An incident is significant if it disrupts, or is likely to disrupt, the continuity of a vital service, affects the data of a large number of persons, or results from the activity of an actor that may be acting on behalf of a foreign state. The Information System Authority publishes guidance with thresholds for each sector.',
    ),
    h('§ 4. Duty to report'),
    p(
      '(1) A state agency or provider of vital services shall report a significant incident to the national CERT without undue delay and no later than twenty-four hours after detecting it, using the single online reporting form of the Information System Authority.',
    ),
    p(
      '(2) The initial report shall be followed within seventy-two hours by an assessment of the incident, its severity and impact, and within one month by a final report describing the root cause and the measures taken. The national CERT returns its own assessment and, where relevant, indicators of compromise to the reporting organisation within two working days.',
    ),
    p(
      '(3) Reports submitted under this section may not be used as the sole basis for supervisory sanctions against the reporting organisation, in order to encourage full and early reporting.',
    ),
    h('Chapter 3. Powers of the national CERT'),
    h('§ 5. Requests for information'),
    p(
      '(1) During a significant incident the national CERT may request from the affected organisation the technical information necessary to assess and contain the incident, including log files, samples of malicious code and descriptions of the affected systems. The organisation shall provide the information within the time specified in the request, which may not be shorter than four hours.',
    ),
    p(
      '(2) The national CERT processes personal data only to the extent necessary for handling the incident, stores it separately from other data and deletes it within one year after the incident has been closed, unless it is needed for criminal proceedings.',
    ),
    h('§ 6. Confidentiality'),
    p(
      '(1) Employees of the national CERT shall keep confidential the information that becomes known to them in the course of incident handling, including business secrets of the affected organisation. Information may be shared with other response teams only in a form that does not identify the affected organisation, unless it consents.',
    ),
    h('Chapter 4. Cooperation'),
    h('§ 7. Cooperation with domestic and foreign partners'),
    p(
      '(1) The national CERT cooperates with the Defence Forces, the Internal Security Service, the Police and Border Guard Board and sectoral response teams according to a cooperation plan approved by the Director General of the Information System Authority.',
    ),
    p(
      '(2) The national CERT represents Estonia in the European Union Computer Security Incident Response Teams Network, participates in FIRST and may conclude technical cooperation arrangements with foreign response teams. It maintains the technical point of contact entered for Estonia in international points-of-contact directories and answers requests for assistance received through them.',
    ),
    h('§ 8. Restraint and protection of response teams'),
    p(
      '(1) The national CERT shall be used only for protective and defensive purposes. It shall not take part in, or lend its systems, data or staff to, any activity intended to cause harm to the information systems of another state, and it shall not be used to conduct malicious international activity.',
    ),
    p(
      '(2) The national CERT shall not knowingly take any action that would harm the information systems of an authorised emergency response team of another state, and it shall treat information received from foreign teams in accordance with the conditions under which it was shared.',
    ),
    h('Chapter 5. Final provisions'),
    h('§ 9. Entry into force'),
    p(
      '(1) This regulation enters into force on the first day of the month following its publication in the State Gazette. § 4 applies to providers of vital services from the first day of the sixth month after entry into force.',
    ),
  ],
};
