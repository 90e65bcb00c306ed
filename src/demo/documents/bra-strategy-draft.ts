import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const braStrategyDraft: SampleDocument = {
  key: 'bra-national-cybersecurity-strategy-draft-2025',
  title: 'National Cybersecurity Strategy 2025–2029: Draft for Public Consultation',
  shortTitle: 'National Cybersecurity Strategy (draft)',
  issuer: 'BRA',
  issuerName: 'Federative Republic of Brazil',
  documentType: 'national-strategy',
  status: 'in-progress',
  date: '2025-04-22',
  issuingBody: 'Institutional Security Office of the Presidency of the Republic',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Draft proposing a national cybersecurity agency and a federal incident response network.',
    'Supports a UN-centred, inclusive permanent mechanism and capacity-building without political conditionality.',
    'Accepts humanitarian law in armed conflict but rejects collective countermeasures.',
  ],
  oewgPillars: [
    'international-law',
    'capacity-building',
    'regular-institutional-dialogue',
    'existing-and-potential-threats',
  ],
  ggeNorms: ['norm-13a', 'norm-13g', 'norm-13h'],
  layout: 'single',
  language: 'en',
  font: 'helvetica',
  translations: [
    {
      language: 'es',
      title: 'Estrategia Nacional de Ciberseguridad 2025–2029: proyecto para consulta pública',
      issuingBody: 'Gabinete de Seguridad Institucional de la Presidencia de la República',
      summary: [
        'Proyecto que propone una agencia nacional de ciberseguridad y una red federal de respuesta a incidentes.',
        'Apoya un mecanismo permanente e inclusivo centrado en las Naciones Unidas y una creación de capacidad sin condicionalidad política.',
        'Acepta el derecho humanitario en los conflictos armados, pero rechaza las contramedidas colectivas.',
      ],
    },
  ],
  blocks: [
    p(
      'Note on this draft: this text is submitted for public consultation. Contributions from citizens, companies, academia and civil society organisations are welcome on the participation platform until 30 June 2025. The final Strategy will be adopted by decree after the consultation.',
    ),
    h('1. Context'),
    p(
      '1. Brazil is one of the largest digital markets in the world and one of the countries most affected by cybercrime. Instant payments, digital public services and the digitalisation of agriculture and industry have transformed the economy, while fraud, ransomware and data leaks affect millions of Brazilians every year. Public institutions at the federal, state and municipal levels have uneven capacities, and many municipalities have no dedicated security staff at all.',
    ),
    p(
      '2. The previous strategy, adopted in 2020, created important foundations, among them the Government Incident Response Centre and minimum security requirements for federal bodies. Its evaluation showed, however, that coordination between the federal government, the states and the private sector remains weak, and that no single authority is responsible for national cybersecurity policy.',
    ),
    h('2. Strategic axes'),
    h('2.1 Governance'),
    p(
      '3. The Government proposes to create a National Cybersecurity Agency with the authority to set standards, supervise regulated sectors in cooperation with their regulators, and coordinate the national response to major incidents. Until the Agency is established by law, the Institutional Security Office will coordinate the Strategy through the National Cybersecurity Committee, with the participation of civil society and the private sector.',
    ),
    h('2.2 Protection and response'),
    p(
      '4. A Federal Incident Response Network will connect the Government Incident Response Centre with response teams in the states, in regulated sectors and in large companies. Operators of critical infrastructure in energy, telecommunications, finance, water and health will notify significant incidents within a fixed deadline and will be supported in recovering from them. Each state of the federation will be encouraged to establish its own response team by 2027. The Network will share indicators of compromise through a common platform, run a joint national exercise every year and publish an annual report on the incidents handled, so that the lessons of each major incident benefit the whole federation.',
    ),
    h('2.3 Education and industry'),
    p(
      '5. The Strategy will support the training of cybersecurity professionals in public universities and federal institutes, promote digital security education in schools, and use public procurement to strengthen a national cybersecurity industry. Particular attention will be paid to the inclusion of women and of regions in the North and Northeast of the country.',
    ),
    h('3. International action'),
    p(
      "6. Brazil's international action in cyberspace is guided by the constitutional principles of its foreign policy: national independence, non-intervention, equality among States, the peaceful settlement of disputes and cooperation among peoples for the progress of humanity. Brazil chaired the Group of Governmental Experts whose report was adopted in 2021 and will continue to favour consensus-based solutions within the United Nations.",
    ),
    p(
      '7. Brazil affirms that international humanitarian law applies to cyber operations in situations of armed conflict, and that its principles of humanity, necessity, distinction and proportionality limit the conduct of hostilities. Recognising this applicability does not legitimise conflict or encourage the militarisation of cyberspace; it protects civilians. Brazil therefore shares the view that the applicability of humanitarian law should be affirmed, not avoided, while the conduct of hostilities in cyberspace must never be treated as normal.',
    ),
    p(
      '8. On countermeasures, Brazil considers that the law of State responsibility applies in cyberspace, but that the practice of States remains limited and the risks of escalation are high. Countermeasures may only be taken by the injured State, must be proportionate and must aim at restoring compliance. Brazil does not accept so-called collective countermeasures taken by third States on behalf of the injured State, which lack support in State practice and would weaken the collective security system of the Charter.',
    ),
    p(
      '9. Brazil takes note of proposals for a new legally binding instrument on ICT security. It is open to considering such an instrument in due course, once the implementation of existing commitments and the common understanding of how international law applies have matured. For now, the priority should be to implement the agreed framework, and any future negotiation should take place within the United Nations and with the participation of all States.',
    ),
    p(
      '10. Brazil supports a single, permanent and inclusive mechanism under the United Nations that succeeds the Open-ended Working Group, builds on the consensus already reached rather than reopening it, and is oriented towards action, in particular the implementation of the framework and capacity-building.',
    ),
    p(
      '11. Capacity-building must be demand-driven, respect the ownership of recipient countries and be free of political conditionality. Brazil will expand South-South cooperation with countries of Latin America, the Caribbean and Portuguese-speaking Africa, sharing its experience of incident response, digital public services and the fight against fraud. Brazil will offer:',
    ),
    li('training courses of the Government Incident Response Centre for partner CERTs;'),
    li('technical cooperation on cybercrime investigation with the Federal Police;'),
    li('exchanges on digital government with the Community of Portuguese Language Countries.'),
    h('4. Implementation'),
    p(
      '12. After its adoption the Strategy will be implemented through a four-year action plan with goals, responsible bodies and indicators, monitored by the National Cybersecurity Committee and reported annually to the President of the Republic.',
    ),
  ],
};
