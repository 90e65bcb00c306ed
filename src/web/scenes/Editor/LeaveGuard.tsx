import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';

/**
 * Unsaved changes are not lost by a link, the back button or closing the tab: in-app navigation asks in a
 * modal dialog (Stay is focused), leaving the page gets the browser's own question.
 */
export function LeaveGuard({ dirty, isDirty }: { dirty: boolean; isDirty: () => boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => isDirty() && currentLocation.pathname !== nextLocation.pathname,
  );
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  useEffect(() => {
    if (blocker.state === 'blocked' && !dialog.current?.open) dialog.current?.showModal();
    if (blocker.state !== 'blocked' && dialog.current?.open) dialog.current.close();
  }, [blocker.state]);
  return (
    <dialog
      ref={dialog}
      className="edialog"
      aria-labelledby="leave-title"
      onCancel={(e) => {
        e.preventDefault();
        blocker.reset?.();
      }}
    >
      <h2 id="leave-title">{t('editor.leaveTitle')}</h2>
      <p>{t('editor.leaveText')}</p>
      <div className="eform__actions">
        <button type="button" className="btn btn--primary" onClick={() => blocker.reset?.()}>
          {t('editor.stay')}
        </button>
        <button type="button" className="btn" onClick={() => blocker.proceed?.()}>
          {t('editor.leave')}
        </button>
      </div>
    </dialog>
  );
}
