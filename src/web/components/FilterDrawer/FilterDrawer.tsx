import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NARROW, useMediaQuery } from '../../lib/useMediaQuery.ts';
import './FilterDrawer.css';

/**
 * Filters beside the results on wide screens; on a phone, a "Filters" button above the results that opens
 * them in a modal dialog, so the first results are on the first screen. The filters are rendered once,
 * in one place or the other, so their state and ids never exist twice.
 */
export function FilterDrawer({
  title,
  active,
  children,
}: {
  title: string;
  /** How many filters are set, shown on the button so a reader sees that results are narrowed. */
  active: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(NARROW);
  const dialog = useRef<HTMLDialogElement>(null);
  if (!narrow) return <>{children}</>;
  return (
    <>
      <button
        type="button"
        className="btn filterdrawer__open"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {active > 0 ? t('filters.openCount', { count: active }) : t('filters.open')}
      </button>
      <dialog ref={dialog} className="filterdrawer" aria-label={title}>
        <div className="filterdrawer__bar">
          <button type="button" className="btn btn--primary" onClick={() => dialog.current?.close()}>
            {t('filters.showResults')}
          </button>
        </div>
        {children}
      </dialog>
    </>
  );
}
