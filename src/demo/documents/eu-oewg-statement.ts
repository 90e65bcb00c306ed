import { euOewgStatementEs } from './eu-oewg-statement-es.ts';
import { h, li, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const euOewgStatement: SampleDocument = {
  key: 'eu-oewg-statement-2024',
  title:
    'EU Statement at the Eighth Substantive Session of the Open-ended Working Group: International Law and the Future Mechanism',
  shortTitle: 'EU Statement at the OEWG, eighth session',
  issuer: 'europeanunion',
  issuerName: 'European Union',
  documentType: 'oewg-statement',
  status: 'in-force',
  date: '2024-07-10',
  issuingBody: 'Delegation of the European Union to the United Nations',
  subtitle: SAMPLE_LABEL,
  summary: [
    'International law applies in its entirety, including humanitarian law; no new binding instrument is needed.',
    'Supports a single, permanent and action-oriented mechanism open to stakeholders.',
    'Describes EU capacity-building and the cyber diplomacy toolbox as responses to ransomware and other threats.',
  ],
  oewgPillars: [
    'existing-and-potential-threats',
    'international-law',
    'capacity-building',
    'regular-institutional-dialogue',
  ],
  ggeNorms: ['norm-13a', 'norm-13b', 'norm-13f', 'norm-13g'],
  layout: 'single',
  language: 'en',
  blocks: [
    p('Mr. Chair,'),
    p(
      '1. I have the honour to speak on behalf of the European Union and its Member States. The candidate countries and potential candidates, as well as several other European States, align themselves with this statement.',
    ),
    h('Threats'),
    p(
      "2. Ransomware remains the most disruptive threat for many of our societies. Over the past year hospitals, municipalities and energy providers across the Union have been forced offline, and the proceeds of these attacks are laundered through cryptocurrency services that are beyond the reach of the victims. The EU also continues to observe malicious cyber activity by State actors and their proxies against critical infrastructure, in particular in the context of Russia's war of aggression against Ukraine.",
    ),
    h('International law'),
    p(
      '3. The EU and its Member States reaffirm that existing international law applies in its entirety to State conduct in cyberspace, including the Charter of the United Nations, international humanitarian law and international human rights law. This consensus, confirmed in the reports of the Groups of Governmental Experts and of this Working Group, is the foundation of the framework of responsible State behaviour.',
    ),
    p(
      '4. We have heard the view that discussing international humanitarian law would legitimise cyber warfare and militarise cyberspace. We respectfully disagree. Recognising that international humanitarian law applies in situations of armed conflict does not encourage conflict or legitimise the use of force; it restricts the means and methods of warfare and protects civilians, including the civilian data and services on which they depend. The principles of distinction, proportionality and precaution must guide any cyber operation conducted in an armed conflict.',
    ),
    p(
      '5. The EU welcomes the growing number of national positions on how international law applies in cyberspace, including those of our Member States, such as the position published by France in 2019 on sovereignty, countermeasures and humanitarian law. Such positions bring transparency and legal certainty, and we encourage all States to publish theirs.',
    ),
    p(
      '6. The EU does not see the need for a new legally binding instrument on ICT security. The existing framework, grounded in international law and complemented by the voluntary norms, has not yet been fully implemented. Negotiating a new treaty would take many years, risk reopening what has already been agreed and divert attention from the implementation that States, especially developing countries, are asking for.',
    ),
    h('Regular institutional dialogue'),
    p(
      '7. The EU supports a single, permanent, inclusive and action-oriented mechanism under the United Nations, to start its work after the Working Group concludes its mandate in 2025. Such a mechanism should build on the consensus already achieved rather than renegotiate it, and it should:',
    ),
    li('support States in implementing the framework through practical, cross-cutting working groups;'),
    li('connect the needs of States with the offers of capacity-building partners;'),
    li('allow the meaningful participation of the private sector, academia and civil society;'),
    li('take decisions by consensus on substance while keeping its working methods efficient.'),
    p(
      '8. We take note of the concern expressed by some delegations that proposals for the future mechanism should not pre-determine its outcome. The Programme of Action was developed precisely to be open to all States and to reflect their needs. We invite all delegations to shape it together in this Working Group, on the basis of consensus.',
    ),
    h('Capacity-building'),
    p(
      '9. Capacity-building is a shared responsibility. The EU and its Member States support partners in Africa, Asia, Latin America and the Caribbean and the Eastern neighbourhood, for example in establishing national CERTs, drafting cybercrime legislation consistent with the Budapest Convention and human rights, and protecting critical infrastructure. We follow the capacity-building principles agreed in this Working Group: programmes must be demand-driven, nationally owned, transparent and gender-sensitive.',
    ),
    p(
      "10. We also believe capacity-building should serve the implementation of the agreed framework, including the eleven norms. Assistance that strengthens a partner's ability to protect its critical infrastructure, to cooperate across borders and to respect human rights online is assistance that serves international peace and security.",
    ),
    h('Responses to malicious activity'),
    p(
      '11. Under its cyber diplomacy toolbox, the EU uses the full range of diplomatic measures, including restrictive measures, to prevent, discourage and respond to malicious cyber activities. These measures are lawful, proportionate and based on a careful assessment of all relevant information, including technical and contextual elements, in line with norm 13(b).',
    ),
    p(
      '12. Mr. Chair, the EU will continue to engage constructively to make this session a success, and to ensure that the transition to the future mechanism preserves everything this Working Group has achieved. I thank you.',
    ),
  ],
  versions: [euOewgStatementEs],
};
