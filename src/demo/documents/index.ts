/** The demo collection's sample documents (the project's own writing, labelled as samples) and their connections. */
import { aseanStatement } from './asean-statement.ts';
import { ausNormsReport } from './aus-norms-report.ts';
import { braStrategyDraft } from './bra-strategy-draft.ts';
import { chnOewgStatement } from './chn-oewg-statement.ts';
import { egyOewgStatement } from './egy-oewg-statement.ts';
import { estCertRegulation } from './est-cert-regulation.ts';
import { estStrategy } from './est-strategy.ts';
import { euOewgStatement } from './eu-oewg-statement.ts';
import { fraIlPosition } from './fra-il-position.ts';
import { gbrBriefing } from './gbr-briefing.ts';
import { jpnCapacityProgramme } from './jpn-capacity-programme.ts';
import { kazCyberConcept } from './kaz-cyber-concept.ts';
import { kenCybercrimeAct } from './ken-cybercrime-act.ts';
import { kenStrategy } from './ken-strategy.ts';
import { korPlan } from './kor-plan.ts';
import { korStrategy } from './kor-strategy.ts';
import { senStrategie } from './sen-strategie.ts';
import type { SampleDocument } from './types.ts';

export { sampleConnections } from './connections.ts';
export * from './types.ts';

/** In date order. */
export const sampleDocuments: SampleDocument[] = [
  fraIlPosition,
  kenStrategy,
  senStrategie,
  aseanStatement,
  korStrategy,
  jpnCapacityProgramme,
  kazCyberConcept,
  estStrategy,
  chnOewgStatement,
  euOewgStatement,
  korPlan,
  kenCybercrimeAct,
  ausNormsReport,
  estCertRegulation,
  braStrategyDraft,
  gbrBriefing,
  egyOewgStatement,
];
