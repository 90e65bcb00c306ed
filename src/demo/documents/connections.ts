/**
 * The labelled passage-to-passage connections between the sample documents. Each pair was written so that a
 * reader given the source paragraph can find the target paragraph: they share salient terms the way real
 * documents echo one another. Used for the demo's pre-made connections and as ground truth by bench/suggest.
 * Paragraphs are found by the start of their text, so an edit of a sample that breaks a pair fails loudly.
 */
import { aseanStatement } from './asean-statement.ts';
import { ausNormsReport } from './aus-norms-report.ts';
import { braStrategyDraft } from './bra-strategy-draft.ts';
import { chnOewgStatement } from './chn-oewg-statement.ts';
import { estCertRegulation } from './est-cert-regulation.ts';
import { estStrategy } from './est-strategy.ts';
import { euOewgStatement } from './eu-oewg-statement.ts';
import { fraIlPosition } from './fra-il-position.ts';
import { gbrBriefing } from './gbr-briefing.ts';
import { jpnCapacityProgramme } from './jpn-capacity-programme.ts';
import { kenCybercrimeAct } from './ken-cybercrime-act.ts';
import { kenStrategy } from './ken-strategy.ts';
import { korPlan } from './kor-plan.ts';
import { korStrategy } from './kor-strategy.ts';
import { senStrategie } from './sen-strategie.ts';
import type { ConnectionEnd, Relation, SampleConnection, SampleDocument } from './types.ts';

/** The one non-heading block of `doc` whose text starts with `start`; throws when none or several match. */
export function blockStarting(doc: SampleDocument, start: string): ConnectionEnd {
  const matches = doc.blocks.flatMap((b, i) => (b.kind !== 'heading' && b.text.startsWith(start) ? [i] : []));
  if (matches.length !== 1) {
    throw new Error(`sample connections: "${start}" matches ${matches.length} blocks of ${doc.key}`);
  }
  return { doc: doc.key, block: matches[0]! };
}

type Pair = [SampleDocument, string, Relation, SampleDocument, string];

const pairs: Pair[] = [
  // Korea: the implementation plan implements the strategy.
  [korPlan, '1. This Plan implements', 'implements', korStrategy, '20. '],
  [korPlan, 'Action 1.1 ', 'implements', korStrategy, '7. '],
  [korPlan, 'Action 1.2 ', 'implements', korStrategy, '7. '],
  [korPlan, 'Action 1.3 ', 'implements', korStrategy, '8. '],
  [korPlan, 'Action 2.1 ', 'implements', korStrategy, '9. '],
  [korPlan, 'Action 2.2 ', 'implements', korStrategy, '10. '],
  [korPlan, 'Action 2.3 ', 'implements', korStrategy, '11. '],
  [korPlan, 'Action 2.4 ', 'implements', korStrategy, '12. '],
  [korPlan, 'Action 3.1 ', 'implements', korStrategy, '13. '],
  [korPlan, 'Action 3.2 ', 'implements', korStrategy, '14. '],
  [korPlan, 'Action 4.1 ', 'implements', korStrategy, '17. '],
  [korPlan, 'Action 4.2 ', 'implements', korStrategy, '16. '],
  [korPlan, 'Action 4.3 ', 'implements', korStrategy, '18. '],
  [korPlan, 'Action 5.1 ', 'implements', korStrategy, '19. '],
  // Korea and ASEAN.
  [korStrategy, '18. ', 'supports', aseanStatement, '4. '],
  [korStrategy, '17. ', 'responds-to', aseanStatement, '6. '],
  // Estonia: the draft regulation implements the strategy's CERT paragraphs.
  [estCertRegulation, 'This draft regulation', 'implements', estStrategy, '6. '],
  [estCertRegulation, '(1) The national CERT is established', 'implements', estStrategy, '6. '],
  [estCertRegulation, '(1) A state agency or provider', 'implements', estStrategy, '7. '],
  [estCertRegulation, '(1) During a significant incident', 'implements', estStrategy, '6. '],
  [estCertRegulation, '(2) The national CERT represents', 'implements', estStrategy, '9. '],
  [estCertRegulation, '(2) The national CERT shall not knowingly', 'supports', ausNormsReport, '11. '],
  // Estonia and France on international law.
  [estStrategy, '12. ', 'supports', fraIlPosition, '2. '],
  [estStrategy, '13. ', 'contradicts', fraIlPosition, '7. '],
  [estStrategy, '14. ', 'supports', fraIlPosition, '4. '],
  // China at the OEWG.
  [chnOewgStatement, '5. ', 'contradicts', fraIlPosition, '9. '],
  [chnOewgStatement, '6. ', 'contradicts', fraIlPosition, '7. '],
  [chnOewgStatement, '6. ', 'contradicts', estStrategy, '13. '],
  [chnOewgStatement, '7. ', 'contradicts', fraIlPosition, '5. '],
  [chnOewgStatement, '10. ', 'contradicts', jpnCapacityProgramme, '10. '],
  [chnOewgStatement, '12. ', 'supports', aseanStatement, '4. '],
  // The EU answers China and supports France.
  [euOewgStatement, '4. ', 'responds-to', chnOewgStatement, '5. '],
  [euOewgStatement, '4. ', 'supports', fraIlPosition, '9. '],
  [euOewgStatement, '5. ', 'cites', fraIlPosition, '13. '],
  [euOewgStatement, '6. ', 'contradicts', chnOewgStatement, '8. '],
  [euOewgStatement, '8. ', 'responds-to', chnOewgStatement, '9. '],
  [euOewgStatement, '11. ', 'elaborates', fraIlPosition, '5. '],
  // Kenya: the amendment act implements the strategy.
  [kenCybercrimeAct, '3. The objects', 'implements', kenStrategy, '5. '],
  [kenCybercrimeAct, '5. (1) A person', 'implements', kenStrategy, '7. '],
  [kenCybercrimeAct, '8. Where there are', 'responds-to', kenStrategy, '4. '],
  [kenCybercrimeAct, '10. (1) The Directorate', 'implements', kenStrategy, '10. '],
  [kenCybercrimeAct, '11. The powers', 'implements', kenStrategy, '5. '],
  [kenCybercrimeAct, '12. The owner', 'implements', kenStrategy, '8. '],
  // Brazil's draft takes sides.
  [braStrategyDraft, '7. ', 'supports', euOewgStatement, '4. '],
  [braStrategyDraft, '8. ', 'supports', fraIlPosition, '7. '],
  [braStrategyDraft, '8. ', 'contradicts', estStrategy, '13. '],
  [braStrategyDraft, '9. ', 'responds-to', chnOewgStatement, '8. '],
  [braStrategyDraft, '10. ', 'supports', euOewgStatement, '7. '],
  [braStrategyDraft, '11. ', 'supports', chnOewgStatement, '10. '],
  // Senegal (French) echoes France.
  [senStrategie, '8. ', 'supports', fraIlPosition, '2. '],
  [senStrategie, '9. ', 'supports', fraIlPosition, '4. '],
  // Japan answers ASEAN.
  [jpnCapacityProgramme, '1. ', 'responds-to', aseanStatement, '6. '],
  [jpnCapacityProgramme, '5. ', 'implements', aseanStatement, '3. '],
  [jpnCapacityProgramme, '7. ', 'implements', aseanStatement, '2. '],
  [jpnCapacityProgramme, '8. ', 'implements', aseanStatement, '4. '],
  // Australia's norms report.
  [ausNormsReport, '1. ', 'cites', aseanStatement, '2. '],
  [ausNormsReport, '3. ', 'contradicts', chnOewgStatement, '7. '],
  [ausNormsReport, '3. ', 'cites', korStrategy, '11. '],
  [ausNormsReport, '4. ', 'contradicts', fraIlPosition, '4. '],
  [ausNormsReport, '4. ', 'contradicts', estStrategy, '14. '],
  [ausNormsReport, '5. ', 'cites', kenCybercrimeAct, '10. (1)'],
  [ausNormsReport, '8. ', 'cites', aseanStatement, '4. '],
  [ausNormsReport, '9. ', 'contradicts', chnOewgStatement, '3. '],
  [ausNormsReport, '10. ', 'cites', korPlan, 'Action 1.3 '],
  [ausNormsReport, '12. ', 'supports', euOewgStatement, '10. '],
  [ausNormsReport, '13. ', 'supports', euOewgStatement, '7. '],
  // The UK parliamentary briefing (two columns) surveys them all.
  [gbrBriefing, 'The permanent mechanism', 'elaborates', euOewgStatement, '7. '],
  [gbrBriefing, 'Delegations broadly agree', 'cites', euOewgStatement, '2. '],
  [gbrBriefing, 'Whether and how', 'cites', chnOewgStatement, '5. '],
  [gbrBriefing, 'The European Union replied', 'cites', euOewgStatement, '4. '],
  [gbrBriefing, 'A second dispute', 'contradicts', fraIlPosition, '2. '],
  [gbrBriefing, 'Estonia has joined', 'cites', estStrategy, '12. '],
  [gbrBriefing, 'Countermeasures are acts', 'cites', estStrategy, '13. '],
  [gbrBriefing, 'China has gone further', 'cites', chnOewgStatement, '6. '],
  [gbrBriefing, 'China and Russia', 'cites', chnOewgStatement, '8. '],
  [gbrBriefing, 'Capacity-building is the area', 'cites', korPlan, 'Action 4.1 '],
  [gbrBriefing, 'Capacity-building is the area', 'cites', jpnCapacityProgramme, '5. '],
  [gbrBriefing, 'Disagreement remains', 'cites', chnOewgStatement, '10. '],
  [gbrBriefing, "the Republic of Korea's 2024", 'cites', korStrategy, '12. '],
  [gbrBriefing, "Estonia's draft regulation", 'cites', estCertRegulation, '(1) A state agency or provider'],
  [gbrBriefing, "Kenya's 2024 amendment", 'cites', kenCybercrimeAct, '5. (1) A person'],
  [gbrBriefing, "Australia's national report", 'cites', ausNormsReport, '4. '],
  [gbrBriefing, 'National implementation reports', 'cites', aseanStatement, '2. '],
];

export const sampleConnections: SampleConnection[] = pairs.map(([sDoc, sStart, relation, tDoc, tStart]) => ({
  source: blockStarting(sDoc, sStart),
  target: blockStarting(tDoc, tStart),
  relation,
}));
