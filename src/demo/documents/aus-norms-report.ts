import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const ausNormsReport: SampleDocument = {
  key: 'aus-norms-implementation-report-2024',
  title:
    "Australia's Implementation of the Eleven Norms of Responsible State Behaviour in Cyberspace: National Report",
  shortTitle: 'National Report on the Eleven Norms',
  issuer: 'AUS',
  issuerName: 'Australia',
  documentType: 'un-submission',
  status: 'in-force',
  date: '2024-12-02',
  issuingBody: 'Department of Foreign Affairs and Trade',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Reports, norm by norm, on the laws, institutions and practices through which Australia implements norms 13(a)–(k).',
    "Explains Australia's approach to attribution, supply chain risk and vulnerability disclosure.",
    'Treats due diligence as a voluntary norm rather than a binding obligation, and supports an action-oriented mechanism.',
  ],
  oewgPillars: [
    'rules-norms-and-principles',
    'international-law',
    'capacity-building',
    'regular-institutional-dialogue',
  ],
  ggeNorms: [
    'norm-13a',
    'norm-13b',
    'norm-13c',
    'norm-13d',
    'norm-13e',
    'norm-13f',
    'norm-13g',
    'norm-13h',
    'norm-13i',
    'norm-13j',
    'norm-13k',
  ],
  layout: 'single',
  language: 'en',
  font: 'helvetica',
  translations: [
    {
      language: 'fr',
      title:
        "Mise en œuvre par l'Australie des onze normes de comportement responsable des États dans le cyberespace : rapport national",
      issuingBody: 'Ministère des Affaires étrangères et du Commerce',
      summary: [
        "Rend compte, norme par norme, des lois, institutions et pratiques par lesquelles l'Australie met en œuvre les normes 13 a) à k).",
        "Expose l'approche de l'Australie en matière d'attribution, de risques liés à la chaîne d'approvisionnement et de divulgation des vulnérabilités.",
        "Considère la diligence requise comme une norme volontaire plutôt que comme une obligation contraignante, et soutient un mécanisme orienté vers l'action.",
      ],
    },
  ],
  blocks: [
    h('Introduction'),
    p(
      '1. Australia submits this national report as a contribution to the Open-ended Working Group and in response to the call, repeated in its annual progress reports, for States to share how they implement the framework of responsible State behaviour. For each of the eleven norms we describe the relevant laws, institutions and practices, and, where useful, examples from our region. The report draws on the regional norms implementation checklist developed by ASEAN, whose structure of practical steps and capacity gaps we found helpful for our own stocktake.',
    ),
    h('Norm 13(a) — Cooperation for stability and security'),
    p(
      '2. Australia cooperates with partners bilaterally, in the Pacific Islands Forum, the ASEAN Regional Forum and the Quad, and at the United Nations, to prevent ICT practices that are harmful to international peace and security. Australia has consistently supported the consensus reports of the Groups of Governmental Experts and of the Open-ended Working Group.',
    ),
    h('Norm 13(b) — Considering all relevant information'),
    p(
      '3. When Australia considers attributing a malicious cyber activity to a State, it weighs technical indicators, intelligence, the wider geopolitical context and the consequences of the activity. Public attribution is a political decision for the Government. Australia does not accept that a State must disclose all the evidence behind an attribution before it can be made: disclosing intelligence sources could compromise them. Where it is safe to do so, Australia publishes technical advisories with its attributions, and it has joined partners, including the Republic of Korea, in joint public attributions that name the actor, describe its methods and call on the responsible State to stop.',
    ),
    h('Norm 13(c) — Territory not knowingly used for wrongful acts'),
    p(
      '4. Australia takes action against malicious activity emanating from its territory when it becomes aware of it, including through the takedown of infrastructure by the Australian Signals Directorate and the Australian Federal Police. Australia regards this expectation as a voluntary, non-binding norm of responsible behaviour. In our view, State practice and opinio juris do not yet establish due diligence as a binding customary obligation in cyberspace, even though some States regard it as such.',
    ),
    h('Norm 13(d) — Cooperation against criminal and terrorist use of ICTs'),
    p(
      '5. Australia is a party to the Budapest Convention, operates a 24/7 point of contact for urgent cybercrime cooperation, and funds cybercrime capacity-building in the Pacific and Southeast Asia. We welcome the adoption by partners such as Kenya of legislation that establishes a 24/7 point of contact and the expedited preservation of data at the request of a foreign State, which makes practical cooperation much faster.',
    ),
    h('Norm 13(e) — Human rights online'),
    p(
      '6. Australian law subjects the use of intrusive investigative powers to warrants, independent oversight by the Inspector-General of Intelligence and Security and the Commonwealth Ombudsman, and reporting to Parliament. Australia supports the resolutions of the Human Rights Council on the promotion and protection of human rights on the internet.',
    ),
    h('Norms 13(f) and 13(g) — Critical infrastructure'),
    p(
      '7. Australia does not conduct or knowingly support ICT activity contrary to international law that intentionally damages critical infrastructure. Domestically, the Security of Critical Infrastructure Act imposes risk management programmes, mandatory incident reporting and enhanced obligations for systems of national significance across eleven sectors. The Australian Cyber Security Centre issued more than one thousand notifications to critical infrastructure entities in the past year.',
    ),
    h('Norm 13(h) — Requests for assistance'),
    p(
      '8. Australia has nominated diplomatic and technical contacts to the global intergovernmental points-of-contact directory and participates in the directories of the ASEAN Regional Forum. We commend ASEAN for testing its regional directory at least once a year and for coordinating it with the global directory; regular testing is what makes a directory useful in a crisis.',
    ),
    h('Norm 13(i) — Supply chain integrity'),
    p(
      '9. Australia manages supply chain risk on the basis of technical assessments, not of the nationality of companies as such. However, where a vendor is subject to extrajudicial direction from a foreign government that conflicts with Australian law, the risk it presents to critical networks cannot be mitigated by technical controls alone. Excluding such high-risk vendors from the core of 5G networks is therefore a legitimate security measure, not protectionism, and it is consistent with the norm on supply chain integrity.',
    ),
    h('Norm 13(j) — Reporting of vulnerabilities'),
    p(
      '10. Australia encourages coordinated vulnerability disclosure. Government agencies publish disclosure policies, and researchers who report flaws in good faith are protected under a safe-harbour approach. We note with interest similar policies in partner countries, such as the national coordinated vulnerability disclosure policy with a safe-harbour clause announced by the Republic of Korea, and the software bill of materials requirement that accompanies it.',
    ),
    h('Norm 13(k) — Emergency response teams'),
    p(
      '11. The Australian Cyber Security Centre, which includes the national CERT function, operates only for defensive purposes. Australia does not use its emergency response team to conduct malicious international activity and does not harm the systems of authorised emergency response teams of other States. It shares information with foreign teams under the conditions they set.',
    ),
    h('Capacity-building'),
    p(
      "12. Capacity-building is how the norms become practice. Australia's cyber cooperation programme supports Pacific and Southeast Asian partners in establishing CERTs, drafting legislation, protecting critical infrastructure and training diplomats. We agree that capacity-building should serve the implementation of the agreed framework, including the eleven norms, and be demand-driven and nationally owned.",
    ),
    h('Looking ahead'),
    p(
      '13. Australia supports a single, permanent and action-oriented mechanism at the United Nations that builds on the consensus already achieved and helps States implement the framework, with the participation of stakeholders. We recommend that the future mechanism:',
    ),
    li('invite all States to submit national implementation reports such as this one;'),
    li('compile the practical steps States have taken for each norm into a shared repository;'),
    li('match the needs identified in national reports with offers of capacity-building.'),
  ],
};
