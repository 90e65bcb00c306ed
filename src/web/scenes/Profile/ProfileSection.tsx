import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Template } from '../../../domain/schemas/index.ts';
import { GlossaryTip } from '../../components/GlossaryTip/GlossaryTip.tsx';
import { Shown } from '../../components/Shown/Shown.tsx';
import { profileKindOf, useProfileTemplates } from '../../lib/profileTemplates.ts';
import { PropertyValue } from './PropertyValue.tsx';
import { type SectionModel, sectionId } from './profileModel.ts';
import { SectionItems } from './SectionItems.tsx';

/**
 * A collapsible profile section (disclosure pattern): the heading button toggles it and carries the glossary
 * definition as its description; the body stays in the DOM (hidden) so a printout can show every section.
 */
export function ProfileSection({
  entityId,
  section,
  isOpen,
  onToggle,
  templateByName,
  entity,
  editHref,
  onEdit,
  editor,
  onAddDocument,
}: {
  /** The profile's id, for loading the rest of a section. */
  entityId: string;
  section: SectionModel;
  isOpen: boolean;
  onToggle: () => void;
  templateByName: Map<string, Template>;
  /** The profile's display copy: its text values carry the "not translated" mark where they fell back. */
  entity?: object;
  /** For signed-in editors: the editor, at this section's field. */
  editHref?: string;
  /** For signed-in editors: edits the section in place (the Edit control becomes a button). */
  onEdit?: () => void;
  /** The in-place editor while this section is being edited: it takes the place of the section's values. */
  editor?: ReactNode;
  /** For signed-in editors, on sections listing documents: opens the "Add document" dialog. */
  onAddDocument?: () => void;
}) {
  const { t } = useTranslation();
  const profileNames = useProfileTemplates().names;
  const { property } = section;
  const id = sectionId(property.name);
  const bodyId = `${id}-body`;
  const count = section.total;
  const target = property.targetTemplate ?? '';
  const isProfileList = Boolean(profileNames && profileKindOf(target, profileNames));
  return (
    <section id={id} className="psection" aria-labelledby={`${id}-heading`} data-filled={section.isFilled}>
      <div className="psection__head">
        <h3 id={`${id}-heading`} className="psection__title">
          <GlossaryTip id={`${id}-tip`} text={property.description}>
            {(describedBy) => (
              <button
                type="button"
                className="psection__toggle"
                aria-expanded={isOpen}
                aria-controls={bodyId}
                aria-describedby={describedBy}
                onClick={onToggle}
              >
                <span className="psection__chevron" aria-hidden="true" />
                <span>
                  <Shown of={property} field="label" />
                </span>
                {property.type === 'relationship' && (
                  <span className="psection__count">
                    {count > 0 ? t('profile.itemCount', { count }) : t('profile.empty')}
                  </span>
                )}
                {property.type !== 'relationship' && !section.isFilled && (
                  <span className="psection__count">{t('profile.empty')}</span>
                )}
              </button>
            )}
          </GlossaryTip>
        </h3>
        <div className="psection__tools no-print">
          <a
            href={`#${id}`}
            className="psection__tool"
            aria-label={t('profile.linkToSection', { name: property.label })}
          >
            #
          </a>
          {onEdit && !editor && (
            <button
              type="button"
              className="psection__tool psection__edit"
              aria-label={t('editor.editSection', { name: property.label })}
              onClick={onEdit}
            >
              {t('editor.edit')}
            </button>
          )}
          {editHref && !onEdit && (
            <Link
              to={editHref}
              className="psection__tool"
              aria-label={t('editor.editSection', { name: property.label })}
            >
              {t('editor.edit')}
            </Link>
          )}
          {property.description && (
            <Link
              to={`/glossary#${property.name}`}
              className="psection__tool"
              aria-label={t('profile.glossaryFor', { name: property.label })}
            >
              ?
            </Link>
          )}
        </div>
      </div>
      <div id={bodyId} className="psection__body" hidden={!isOpen}>
        {onAddDocument && (
          <button type="button" className="btn btn--small psection__add no-print" onClick={onAddDocument}>
            {t('editor.addDocument')}
          </button>
        )}
        {editor}
        {!editor && !section.isFilled && <p className="muted">{t('profile.noInformation')}</p>}
        {!editor && section.isFilled && property.type !== 'relationship' && (
          <Shown of={entity} field={property.name} block={property.type === 'markdown'}>
            <PropertyValue property={property} value={section.value} />
          </Shown>
        )}
        {!editor && section.isFilled && property.type === 'relationship' && (
          <SectionItems
            entityId={entityId}
            section={section}
            templateByName={templateByName}
            isProfileList={isProfileList}
          />
        )}
      </div>
    </section>
  );
}
