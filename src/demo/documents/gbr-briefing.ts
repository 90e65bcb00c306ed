import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const gbrBriefing: SampleDocument = {
  key: 'gbr-parliamentary-briefing-un-cyber-2025',
  title: 'Research Briefing: The UN Cyber Negotiations after the Open-ended Working Group',
  shortTitle: 'Research Briefing: UN cyber negotiations',
  issuer: 'GBR',
  issuerName: 'United Kingdom',
  documentType: 'report',
  status: 'in-force',
  date: '2025-09-15',
  issuingBody: 'House of Commons Library, International Affairs and Defence Section',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Explains the end of the Open-ended Working Group and the permanent mechanism that succeeds it.',
    'Maps the fault lines: humanitarian law, sovereignty, countermeasures and a binding treaty.',
    'Surveys how states implement the framework and suggests questions for Members.',
  ],
  oewgPillars: [
    'regular-institutional-dialogue',
    'international-law',
    'capacity-building',
    'existing-and-potential-threats',
  ],
  ggeNorms: ['norm-13b', 'norm-13c', 'norm-13g'],
  layout: 'two-column',
  language: 'en',
  blocks: [
    h('Summary'),
    p(
      'For more than two decades, the United Nations has discussed how states should behave in cyberspace. Six Groups of Governmental Experts and, since 2019, an Open-ended Working Group open to all member states have produced a framework of responsible state behaviour: international law applies online, eleven voluntary norms describe what states should and should not do, confidence-building measures reduce the risk of misunderstanding, and capacity-building helps states put all of this into practice. The Working Group adopted its final report in July 2025 and agreed that a single, permanent mechanism should take over its work.',
    ),
    p(
      'This briefing explains what was agreed, where states still disagree, and how individual countries are implementing the framework. It ends with questions Members may wish to put to the Government.',
    ),
    h('1. From expert groups to a permanent mechanism'),
    p(
      'The early expert groups had fifteen to twenty-five members, chosen to represent the main regions and the permanent members of the Security Council. Their consensus reports of 2013 and 2015 established that international law, and in particular the UN Charter, is applicable to the use of information and communications technologies by states, and set out the eleven norms. The 2017 group failed to agree a report, largely because of disagreements about self-defence, countermeasures and international humanitarian law.',
    ),
    p(
      'In 2018 the General Assembly created two parallel processes: a new expert group, proposed by the United States, and the Open-ended Working Group, proposed by Russia. The two tracks eventually produced compatible reports in 2021, and a second Working Group, running from 2021 to 2025, continued the discussion with all member states. The Working Group published annual progress reports, created a global points-of-contact directory and agreed principles for capacity-building.',
    ),
    p(
      'The permanent mechanism that succeeds the Working Group is intended to be action-oriented. The European Union and many Western states argued for a mechanism that would support states in implementing the framework through practical, cross-cutting working groups, connect the needs of states with the offers of capacity-building partners, and allow the participation of the private sector, academia and civil society. These ideas grew out of the proposal for a Programme of Action, which was first put forward in 2020. Other delegations insisted that the new body be strictly state-led and consensus-based, and that its agenda not be pre-determined by a limited group of countries. The compromise reached in July 2025 keeps decision-making by consensus while allowing accredited stakeholders to attend some meetings.',
    ),
    h('2. What the threats are'),
    p(
      'Delegations broadly agree about the threats, even if they disagree about who is responsible for them. Ransomware was named by the European Union as the most disruptive threat for its societies, with hospitals, municipalities and energy providers forced offline and the proceeds laundered through cryptocurrency services. Other states emphasised attacks on critical infrastructure, the misuse of artificial intelligence, and commercial intrusion tools sold to governments with little oversight.',
    ),
    h('3. The fault lines'),
    h('3.1 International humanitarian law'),
    p(
      "Whether and how the law of armed conflict applies to cyber operations has been the most persistent dispute. At the eighth session in July 2024, China's delegation argued that applying international humanitarian law to cyberspace without qualification risked legitimising cyber warfare and turning cyberspace into a new battlefield, and that its applicability should be studied with prudence. Russia and several other states made similar arguments, and some suggested that the question be left to a future legally binding instrument rather than settled by interpretation of existing law.",
    ),
    p(
      "The European Union replied the following day that recognising the application of humanitarian law in armed conflict does not encourage conflict or legitimise the use of force, but restricts the means and methods of warfare and protects civilians, including civilian data. The International Committee of the Red Cross has taken a similar view, and Brazil's draft strategy of 2025 adopts it as well. The final report records that states continue to discuss the matter.",
    ),
    h('3.2 Sovereignty'),
    p(
      "A second dispute concerns sovereignty. The UK Government has said that it does not consider that sovereignty is a standalone rule of international law whose violation by a cyber operation is in itself unlawful; in its view, the relevant prohibitions are those on intervention in the internal affairs of other states and on the use of force. On this view, an unauthorised penetration of another state's systems that causes no physical damage and is not coercive would not breach international law. France takes the opposite position, holding that any cyberattack against its digital systems by a state organ constitutes a breach of sovereignty.",
    ),
    p(
      'Estonia has joined France in treating sovereignty as a rule in its own right, and goes further in describing operations that interfere with inherently governmental functions, such as elections, as possible violations of sovereignty even below the threshold of prohibited intervention. Several African and Latin American states have taken similar positions.',
    ),
    h('3.3 Countermeasures'),
    p(
      "Countermeasures are acts that would otherwise be unlawful but are permitted in response to another state's wrongful act. The sharpest debate is about collective countermeasures: whether states that are not themselves injured may act on behalf of an injured state at its request. Estonia has argued that such collective countermeasures allow smaller states to be assisted by their partners; France and Brazil have rejected them as unsupported by international law.",
    ),
    p(
      "China has gone further, opposing countermeasures taken on the basis of a state's own unilateral assessment and describing collective countermeasures as a doctrine that would allow military alliances to bypass the United Nations. The UK has not published a settled view on collective countermeasures, although it has said that it would consider responses to malicious activity together with its allies.",
    ),
    h('3.4 A new treaty?'),
    p(
      'China and Russia have long called for a new legally binding international instrument on ICT security, arguing that voluntary norms alone are not enough. The European Union, the United States and the UK have opposed this, on the grounds that the existing framework has not yet been implemented and that negotiating a new treaty would take years and risk reopening what has been agreed. Brazil has said it is open to such an instrument in due course, but that implementation should come first. The final report leaves the question open for the permanent mechanism.',
    ),
    h('3.5 Capacity-building'),
    p(
      'Capacity-building is the area of greatest agreement and of growing spending. The Republic of Korea plans to triple its development assistance for cybersecurity by 2028, with new programmes for ASEAN and Pacific states covering national CERTs and cybercrime investigation. Japan funds a programme that seconds experts to help design the procedures of the new ASEAN Regional CERT and pays for its first joint exercises.',
    ),
    p(
      'Disagreement remains about conditions. China has criticised assistance linked to so-called shared values or to support for particular positions in negotiations, while Japan and the European Union describe capacity-building as serving the implementation of the agreed norms and the protection of human rights online.',
    ),
    h('4. How states are implementing the framework'),
    p(
      'National practice is where the framework becomes real. Several recent documents in the portal illustrate the range of approaches:',
    ),
    li(
      "the Republic of Korea's 2024 strategy adopts a proactive posture, under which authorities will disrupt malicious infrastructure, including servers used to launder stolen cryptocurrency, before it is used against the country;",
    ),
    li(
      "Estonia's draft regulation on its national CERT would require providers of vital services to report significant incidents within twenty-four hours through a single online form;",
    ),
    li(
      "Kenya's 2024 amendment act makes interference with critical information infrastructure an aggravated offence punishable by up to twenty years' imprisonment;",
    ),
    li(
      "Australia's national report on the eleven norms describes due diligence as a voluntary norm rather than a binding customary obligation, unlike France and Estonia.",
    ),
    p(
      "National implementation reports, such as Australia's, are increasingly seen as a model. They allow states to compare practices norm by norm and help donors match capacity-building offers with the needs identified by recipients. ASEAN's regional norms implementation checklist serves a similar purpose for Southeast Asia.",
    ),
    h('5. Questions for the Government'),
    p('Members may wish to ask the Government:'),
    li('what the UK will propose for the first agenda of the permanent mechanism;'),
    li('whether the UK will publish a national report on its implementation of the eleven norms;'),
    li('what its position is on collective countermeasures;'),
    li(
      'how UK capacity-building funding is coordinated with that of partners in the Indo-Pacific and Africa.',
    ),
    p(
      'The Library will update this briefing after the first session of the permanent mechanism. Readers should note that the positions summarised here are those stated by governments in public documents and may evolve.',
    ),
  ],
};
