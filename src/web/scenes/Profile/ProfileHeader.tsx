import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Entity, Template } from '../../../domain/schemas/index.ts';
import { useCan } from '../../api/session.ts';
import { Shown } from '../../components/Shown/Shown.tsx';
import { formatPartialDate } from '../../lib/format.ts';
import type { GroupModel } from './profileModel.ts';

/** Title, last-reviewed stamp, completeness and the profile's actions (expand all, print, compare). */
export function ProfileHeader({
  view,
  template,
  groups,
  isAllOpen,
  onToggleAll,
}: {
  view: { entity: Entity };
  template: Template;
  groups: GroupModel[];
  isAllOpen: boolean;
  onToggleAll: () => void;
}) {
  const { t, i18n } = useTranslation();
  const sections = groups.flatMap((g) => g.sections);
  const filled = sections.filter((s) => s.isFilled).length;
  // The curator's review date, not the write time (which every re-import moves).
  const reviewed = view.entity.lastReviewed.profile;
  const canEdit = useCan('collaborator');
  return (
    <header className="profile__header">
      <p className="profile__kicker">{t('profile.kicker', { template: template.label })}</p>
      <h1 id="profile-title">
        <Shown of={view.entity} field="title" />
      </h1>
      {/* Readers never get unpublished entities from the API, so only signed-in people see this mark. */}
      {!view.entity.published && <p className="unpublished-mark">{t('editor.notPublished')}</p>}
      <p className="profile__stamp">
        <span className="profile__reviewed">
          {reviewed ? (
            <time dateTime={reviewed}>
              {t('profile.lastReviewed', { date: formatPartialDate(reviewed, i18n.language) })}
            </time>
          ) : (
            t('profile.notReviewed')
          )}
        </span>
        <span aria-hidden="true"> · </span>
        <span>{t('profile.completeness', { filled, total: sections.length })}</span>
      </p>
      <div className="profile__actions no-print">
        {canEdit && (
          <Link className="btn btn--small" to={`/entities/${view.entity.id}/edit`}>
            {t('editor.edit')}
          </Link>
        )}
        <button type="button" className="btn btn--small" onClick={onToggleAll} aria-pressed={isAllOpen}>
          {isAllOpen ? t('profile.collapseAll') : t('profile.expandAll')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => window.print()}>
          {t('profile.print')}
        </button>
        <Link className="btn btn--small" to={`/compare?ids=${view.entity.id}`}>
          {t('profile.compareWith')}
        </Link>
      </div>
    </header>
  );
}

/** Under a section heading: when a curator last reviewed that section (nothing when never). */
export function SectionReviewed({ date }: { date: string | undefined }) {
  const { t, i18n } = useTranslation();
  if (!date) return null;
  return (
    <p className="profile__section-reviewed">
      <time dateTime={date}>
        {t('profile.sectionReviewed', { date: formatPartialDate(date, i18n.language) })}
      </time>
    </p>
  );
}
