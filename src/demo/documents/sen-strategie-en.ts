import { h, li, p, SAMPLE_LABEL, type SampleVersion } from './types.ts';

/**
 * The English version of the sample strategy of Senegal (sen-strategie.ts, written in French), paragraph for
 * paragraph: the demo's own translation, labelled as a sample. Not an official text of Senegal.
 */
export const senStrategieEn: SampleVersion = {
  title: 'National Cybersecurity Strategy 2023–2028',
  shortTitle: 'National Cybersecurity Strategy',
  issuerName: 'Republic of Senegal',
  issuingBody: 'Ministry of Communication, Telecommunications and the Digital Economy',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Five strategic objectives, from governance to regional and international cooperation.',
    'Creates a national CSIRT and protects critical information infrastructure.',
    'Affirms digital sovereignty and the due diligence of States in cyberspace.',
  ],
  language: 'en',
  blocks: [
    h('1. Background'),
    p(
      '1. Senegal has made digital technology a central lever of its economic and social development. The dematerialisation of administrative procedures, the rise of mobile payment and the roll-out of broadband infrastructure have brought the administration closer to citizens and opened new prospects for businesses. This transformation nevertheless exposes the country to growing threats: online fraud, ransomware aimed at public administrations and hospitals, breaches of personal data and disinformation campaigns.',
    ),
    p(
      '2. This Strategy follows the strategy adopted in 2017. It takes into account the lessons learned from its implementation, in particular the need to strengthen coordination between public and private actors, to give the country a national incident response capability and to train more specialists.',
    ),
    h('2. Vision and strategic objectives'),
    p(
      "3. Senegal's vision is of a trusted, secure and resilient cyberspace that serves the country's emergence. Five strategic objectives follow from it:",
    ),
    li('strengthen the legal and institutional framework for cybersecurity;'),
    li('protect critical information infrastructure;'),
    li('develop a national incident response capability;'),
    li('build skills and raise public awareness;'),
    li('strengthen regional and international cooperation.'),
    h('3. Legal and institutional framework'),
    p(
      '4. Senegal is a party to the Budapest Convention on Cybercrime and to the African Union Convention on Cyber Security and Personal Data Protection, known as the Malabo Convention. The national legal framework will be updated to cover new offences, to make the expedited preservation of electronic evidence easier and to guarantee respect for fundamental rights, in particular the protection of personal data and freedom of expression. Judges, investigators and lawyers will receive regular training on electronic evidence, and the Personal Data Protection Commission will be consulted on every draft text that concerns the collection or retention of data.',
    ),
    p(
      '5. A National Cybersecurity Authority, attached to the Presidency of the Republic, will coordinate national policy. It will ensure that the actions of ministries, sectoral regulators and operators are consistent, and will report every year on the implementation of the Strategy.',
    ),
    h('4. Protection and response'),
    p(
      '6. Operators of critical information infrastructure in the energy, telecommunications, finance, health, water and transport sectors will be designated by order. They will have to carry out an annual risk analysis, apply minimum security rules and report significant incidents without delay. A national computer security incident response centre, the national CSIRT, will be responsible for monitoring, alerting and coordinating the response, together with the sectoral teams and its foreign counterparts.',
    ),
    h('5. Skills and awareness'),
    p(
      '7. Specialised courses will be developed with universities and engineering schools, and an awareness programme will reach pupils, public servants and small businesses. Particular attention will be paid to the participation of women in cybersecurity professions.',
    ),
    h('6. Cooperation and international law'),
    p(
      '8. Senegal considers that international law, and in particular the Charter of the United Nations, applies to cyberspace. It affirms its sovereignty over the information systems located on its territory: any unauthorised penetration of those systems by another State, or any operation producing effects on its territory, is a violation of its sovereignty. Digital sovereignty also requires control over the strategic data of the State and over the infrastructure that hosts it.',
    ),
    p(
      '9. States have an obligation of due diligence: they must not knowingly allow their territory to be used to commit internationally wrongful acts using information technologies, and must take the reasonable measures available to them to put an end to such acts. Senegal will seek the assistance of its partners where its own technical means are not sufficient.',
    ),
    p(
      '10. Senegal takes an active part in the work of the United Nations Open-ended Working Group and supports the creation of a permanent, inclusive and action-oriented mechanism. It will strengthen its cooperation with ECOWAS, the African Union and its bilateral partners, in particular on training and on combating cybercrime.',
    ),
    h('7. Implementation and monitoring'),
    p(
      '11. A three-year action plan will set out the measures, those responsible, the deadlines and the indicators. The National Cybersecurity Authority will monitor it, and a mid-term evaluation will be carried out in 2026.',
    ),
  ],
};
