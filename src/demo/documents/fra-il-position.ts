import { fraIlPositionFr } from './fra-il-position-fr.ts';
import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const fraIlPosition: SampleDocument = {
  key: 'fra-international-law-cyberspace',
  title: 'International Law Applied to Operations in Cyberspace',
  shortTitle: 'International Law Applied to Operations in Cyberspace',
  issuer: 'FRA',
  issuerName: 'French Republic',
  documentType: 'international-law-position',
  status: 'in-force',
  date: '2019-09-09',
  issuingBody: 'Ministry of the Armed Forces',
  subtitle: SAMPLE_LABEL,
  summary: [
    'Any unauthorised penetration of French systems producing effects on French territory may violate sovereignty.',
    'Countermeasures are reserved to the injured State; collective countermeasures are not accepted.',
    'International humanitarian law applies to cyber operations in armed conflict, including to civilian data.',
  ],
  oewgPillars: ['international-law'],
  ggeNorms: ['norm-13b', 'norm-13c', 'norm-13f'],
  layout: 'single',
  language: 'en',
  blocks: [
    h('Introduction'),
    p(
      '1. France considers that existing international law, and in particular the Charter of the United Nations, applies to operations conducted in cyberspace. Cyberspace is not a lawless area: the principles of sovereignty, non-intervention, the prohibition of the threat or use of force, and the rules of State responsibility and of international humanitarian law govern what States may and may not do there. This document sets out how France interprets those rules, so that its partners and its adversaries can anticipate the legal framework within which it will act.',
    ),
    h('1. Cyber operations in peacetime'),
    h('1.1 Sovereignty'),
    p(
      '2. France exercises its sovereignty over the information systems located on its territory. Any cyberattack against French digital systems, and any effects produced on French territory by digital means, by a State organ or by a person or entity exercising elements of governmental authority, constitutes a breach of sovereignty. In the view of France, sovereignty is therefore a rule whose violation engages the responsibility of the State concerned, and not only a principle; unauthorised penetration of French systems can constitute such a violation even where it causes no physical damage.',
    ),
    p(
      '3. Interference by digital means in the internal or external affairs of France, in particular in its electoral processes, may also amount to a prohibited intervention where it is coercive, that is, where it seeks to deprive France of its free choice in matters within its domestic jurisdiction.',
    ),
    h('1.2 Due diligence'),
    p(
      '4. States must not knowingly allow their territory to be used for acts contrary to the rights of other States. This obligation of due diligence, which France regards as customary, applies in cyberspace: a State that is aware of a cyber operation being conducted from its territory, including by non-State actors, must take the reasonable measures available to it to bring the operation to an end. France encourages States that lack the technical means to do so to seek the assistance of their partners.',
    ),
    h('1.3 Attribution'),
    p(
      '5. The attribution of a cyberattack to a State is a sovereign political decision. France may decide to attribute an operation publicly on the basis of all the information available to it, including technical, intelligence and contextual elements. International law does not oblige a State to disclose the evidence on which an attribution is based, although France will inform its partners where appropriate.',
    ),
    h('1.4 Responses to cyberattacks'),
    p(
      '6. In response to a cyberattack that breaches its rights, France may adopt retorsion measures, which are unfriendly but lawful acts, such as the expulsion of diplomats or the suspension of cooperation. It may also take countermeasures, which are acts that would otherwise be unlawful but become lawful because they respond to a prior internationally wrongful act.',
    ),
    p(
      '7. Countermeasures may be adopted only by the State that is the victim of the internationally wrongful act. They must be proportionate to the injury suffered, be intended to induce the responsible State to comply with its obligations, and be reversible as far as possible. France does not accept that third States may take collective countermeasures on behalf of the injured State; it considers that such collective countermeasures are not authorised by international law, which reserves this option to the injured State alone. In urgent situations, France may take countermeasures without prior notification of the responsible State where notification would compromise their effectiveness.',
    ),
    p(
      '8. A cyberattack may constitute an armed attack within the meaning of Article 51 of the Charter if its scale and effects are comparable to those of an attack carried out with conventional weapons. In that case France may exercise its inherent right of self-defence by any appropriate means, digital or conventional, within the limits of necessity and proportionality. Examples include an operation that disables critical infrastructure with significant consequences or paralyses whole sectors of national activity.',
    ),
    h('2. Cyber operations in armed conflict'),
    p(
      '9. International humanitarian law applies to cyber operations conducted in connection with an armed conflict, whether international or non-international. Recognising this does not encourage the militarisation of cyberspace; on the contrary, it limits the means and methods of warfare and protects civilians. The principles of distinction, proportionality and precaution apply to every cyber operation that qualifies as an attack under humanitarian law.',
    ),
    p(
      '10. France considers that a cyber operation constitutes an attack within the meaning of humanitarian law when it causes loss of life, injury or physical damage, and also when it renders a system inoperative, whether temporarily or permanently, such that the equipment or the service it supports can no longer function as intended. Content data, such as civilian medical, banking or social security data, may be protected as civilian objects.',
    ),
    p(
      '11. Armed forces conducting cyber operations must take constant care to spare the civilian population. Before an operation, commanders must verify the military character of the target, assess the expected incidental harm, and choose the means that minimise effects on civilian systems, in particular where networks are shared between military and civilian users.',
    ),
    h('3. Commitments of France'),
    p(
      '12. France will continue to take part in the United Nations discussions on responsible State behaviour in cyberspace, and will promote:',
    ),
    li('the full application of international law, including humanitarian law, to cyber operations;'),
    li('the implementation of the eleven norms of responsible behaviour endorsed by the General Assembly;'),
    li('greater transparency of States on their doctrines and their interpretation of the law;'),
    li('a permanent, action-oriented framework at the United Nations to support implementation.'),
    p(
      '13. France invites other States to publish their own interpretation of how international law applies in cyberspace. The convergence of such national positions is the surest way to strengthen legal certainty, reduce the risk of misunderstanding and escalation, and give practical meaning to the rule of law in cyberspace.',
    ),
  ],
  versions: [fraIlPositionFr],
};
