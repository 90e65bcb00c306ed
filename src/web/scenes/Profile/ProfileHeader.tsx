import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EntityView, Template } from '../../../domain/schemas/index.ts';
import { formatMonthYear } from '../../lib/format.ts';
import type { GroupModel } from './profileModel.ts';

/** Title, last-updated stamp, completeness and the profile's actions (expand all, print, compare). */
export function ProfileHeader({
  view,
  template,
  groups,
  isAllOpen,
  onToggleAll,
}: {
  view: EntityView;
  template: Template;
  groups: GroupModel[];
  isAllOpen: boolean;
  onToggleAll: () => void;
}) {
  const { t, i18n } = useTranslation();
  const sections = groups.flatMap((g) => g.sections);
  const filled = sections.filter((s) => s.isFilled).length;
  return (
    <header className="profile__header">
      <p className="profile__kicker">{t('profile.kicker', { template: template.label })}</p>
      <h1 id="profile-title">{view.entity.title}</h1>
      <p className="profile__stamp">
        <span>
          {t('profile.lastUpdated', { date: formatMonthYear(view.entity.updatedAt, i18n.language) })}
        </span>
        <span aria-hidden="true"> · </span>
        <span>{t('profile.completeness', { filled, total: sections.length })}</span>
      </p>
      <div className="profile__actions no-print">
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
