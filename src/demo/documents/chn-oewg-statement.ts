import { chnOewgStatementZh } from './chn-oewg-statement-zh.ts';
import { h, p, SAMPLE_LABEL, type SampleDocument } from './types.ts';

export const chnOewgStatement: SampleDocument = {
  key: 'chn-oewg-statement-2024',
  title:
    'Statement by the Chinese Delegation at the Eighth Substantive Session of the Open-ended Working Group on ICT Security',
  shortTitle: 'Statement at the OEWG, eighth session',
  issuer: 'CHN',
  issuerName: "People's Republic of China",
  documentType: 'oewg-statement',
  status: 'in-force',
  date: '2024-07-09',
  issuingBody: "Permanent Mission of the People's Republic of China to the United Nations",
  subtitle: SAMPLE_LABEL,
  summary: [
    'Calls for true multilateralism and a State-led, consensus-based permanent mechanism.',
    'Rejects countermeasures, collective countermeasures and the framing of cyberspace as a battlefield.',
    'Asks that attribution rest on evidence and that capacity-building carry no political conditions.',
  ],
  oewgPillars: [
    'international-law',
    'rules-norms-and-principles',
    'capacity-building',
    'regular-institutional-dialogue',
  ],
  ggeNorms: ['norm-13b', 'norm-13i'],
  layout: 'single',
  language: 'en',
  blocks: [
    p('Mr. Chair,'),
    p(
      '1. The Chinese delegation thanks you for your tireless efforts and for the draft elements of the annual progress report. Information technology is developing rapidly, and the security of cyberspace concerns the common interests of all humankind. The Working Group, open to every Member State, is the only legitimate and inclusive platform for discussing rules on ICT security at the United Nations, and its outcomes must be reached by consensus.',
    ),
    h('I. Upholding true multilateralism'),
    p(
      '2. We should practise true multilateralism. The future of cyberspace cannot be decided by a handful of countries. Some States form exclusive small groups on the basis of ideology, draw lines between so-called like-minded partners and others, and use the concept of national security to suppress the technology companies of other countries. Such practices divide the global internet, disrupt supply chains and undermine the trust on which cooperation depends.',
    ),
    p(
      '3. On supply chain security, China calls on all States to provide an open, fair and non-discriminatory environment for ICT products and services. Excluding the companies of a particular country without evidence, in the name of high-risk vendors, is not a security measure but protectionism. The Global Initiative on Data Security proposed by China offers a balanced basis for rules on supply chains and on the protection of data.',
    ),
    h('II. Preventing conflict in cyberspace'),
    p(
      '4. The discussion on how international law applies in cyberspace must always proceed from the premise of maintaining peace and preventing conflict. The principle of sovereignty in cyberspace is the cornerstone: each State has the right to choose its own path of internet development and its own model of internet governance, and to manage the ICT activities within its territory in accordance with law.',
    ),
    p(
      '5. We are concerned that some countries insist on applying international humanitarian law and the law of armed conflict to cyberspace without qualification. Discussing the conduct of hostilities in cyberspace before agreeing how to prevent them risks legitimising cyber warfare and turning cyberspace into a new battlefield. Cyberspace must not become a battlefield. The applicability of international humanitarian law should be studied with prudence and should never serve to justify the militarisation of cyberspace.',
    ),
    p(
      '6. Likewise, the assertion that a State may take countermeasures, including cyber countermeasures without prior notification, against another State on the basis of its own unilateral assessment is dangerous. Some countries even advocate so-called collective countermeasures, in which States that are not injured act on behalf of others. This doctrine has no basis in international law, would allow military alliances to bypass the United Nations, and would make escalation in cyberspace far more likely. China firmly opposes it.',
    ),
    p(
      '7. Attribution of ICT incidents must be based on sufficient evidence. Some countries claim that they need not disclose the evidence behind a public attribution and that attribution is merely a sovereign political decision. Accusations made without evidence, and the political manipulation of cyber incidents, undermine mutual trust. States should settle disputes arising from ICT incidents through dialogue and consultation, and any accusation should be supported by verifiable facts.',
    ),
    h('III. Strengthening rules for cyberspace'),
    p(
      '8. The eleven norms agreed by previous Groups of Governmental Experts and by this Working Group are valuable, but they are voluntary and non-binding. As technology develops, voluntary norms alone are not enough. China supports the elaboration, under the auspices of the United Nations, of a new legally binding international instrument on ICT security that responds to the concerns of developing countries, including the protection of critical infrastructure and of data.',
    ),
    p(
      '9. The future regular institutional dialogue should be a single, permanent mechanism under the General Assembly, led by States and guided by consensus. Its agenda and working methods should be decided by all States together. Proposals that seek to pre-determine the outcome, or to replace the open-ended process with a programme designed by a limited group of countries, are not conducive to consensus.',
    ),
    h('IV. Capacity-building for development'),
    p(
      '10. Capacity-building is the most practical way to bridge the digital divide. It should be demand-driven, respect the ownership of recipient countries and never carry political conditions or ideological labels. Linking assistance to so-called shared values, or to support for particular positions in multilateral negotiations, runs counter to the principles agreed in this Working Group.',
    ),
    p(
      '11. China has trained thousands of ICT professionals from developing countries through the China-ASEAN Information Harbour, the Forum on China-Africa Cooperation and other platforms, and stands ready to work with all parties to strengthen the capacity of developing countries to protect their critical infrastructure and to respond to incidents.',
    ),
    h('V. Confidence-building'),
    p(
      '12. China supports the global intergovernmental points-of-contact directory as a practical confidence-building measure, and has nominated its diplomatic and technical contacts. The directory should be used for communication between States in urgent situations, and not as a tool for public accusation.',
    ),
    p(
      '13. Mr. Chair, China is willing to work with all parties to build a community with a shared future in cyberspace that is peaceful, secure, open, cooperative and orderly. Thank you.',
    ),
  ],
  versions: [chnOewgStatementZh],
};
