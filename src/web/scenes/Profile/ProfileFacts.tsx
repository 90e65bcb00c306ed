import type { Entity, Template } from '../../../domain/schemas/index.ts';
import { Shown } from '../../components/Shown/Shown.tsx';
import { isFilled } from '../../lib/templates.ts';
import { PropertyValue } from './PropertyValue.tsx';

const SHOWN = new Set([
  'text',
  'select',
  'multiselect',
  'number',
  'date',
  'daterange',
  'link',
  'media',
  'image',
]);

/** The profile's properties outside the sections (codes, region…), as a definition list. */
export function ProfileFacts({ entity, template }: { entity: Entity; template: Template }) {
  const facts = template.properties.filter(
    (p) => !p.section && SHOWN.has(p.type) && isFilled(entity.metadata[p.name]) && p.name !== 'slug',
  );
  if (facts.length === 0) return null;
  return (
    <dl className="facts">
      {facts.map((p) => (
        <div key={p.name} className="facts__row">
          <dt>
            <Shown of={p} field="label" />
          </dt>
          <dd>
            {/* Facts are codes and short names (CHN, 156, ASEAN): the same in every language, so never marked. */}
            <Shown of={entity} field={p.name} mark={false}>
              <PropertyValue property={p} value={entity.metadata[p.name]} />
            </Shown>
          </dd>
        </div>
      ))}
    </dl>
  );
}
