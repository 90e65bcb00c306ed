import { useTranslation } from 'react-i18next';
import './StatusBadge.css';

/** The value of a document status that marks drafts still under development. */
export const IN_PROGRESS = 'in-progress';

/** True when any metadata value of an item says it is in progress. */
export const isInProgress = (metadata: Record<string, unknown>) =>
  Object.values(metadata).some((v) => v === IN_PROGRESS || (Array.isArray(v) && v.includes(IN_PROGRESS)));

/** The "In progress" label shown before the title of drafts, as the portal has done since 2021. */
export function InProgressBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--progress">{t('profile.inProgress')}</span>;
}

/** A neutral small label. */
export function Badge({
  children,
  tone = 'neutral',
}: {
  children: React.ReactNode;
  tone?: 'neutral' | 'accent';
}) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
