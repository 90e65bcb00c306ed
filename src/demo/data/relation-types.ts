/** Named links between passages or entities, with the label read in the other direction, in six languages. */
import type { RelationTypeInput } from '../../domain/schemas/index.ts';
import { withRelationLabels } from './labels-six.ts';

export const RELATION_TYPES: readonly RelationTypeInput[] = [
  { name: 'responds-to', label: 'responds to', inverseLabel: 'answered by' },
  { name: 'cites', label: 'cites', inverseLabel: 'cited by' },
  { name: 'implements', label: 'implements', inverseLabel: 'implemented by' },
  { name: 'contradicts', label: 'contradicts', inverseLabel: 'contradicted by' },
  { name: 'supports', label: 'supports', inverseLabel: 'supported by' },
  { name: 'elaborates', label: 'elaborates', inverseLabel: 'elaborated by' },
  { name: 'same-topic', label: 'same topic as', inverseLabel: 'same topic as' },
].map(withRelationLabels);
