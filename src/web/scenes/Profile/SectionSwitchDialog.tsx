import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asked when an editor opens another section while the one being edited has unsaved changes (only one section
 * edits at a time): keep editing it (the default, focused) or discard its changes and edit the other.
 */
export function SectionSwitchDialog({
  pending,
  onStay,
  onDiscard,
}: {
  /** The section with unsaved changes and the one asked for; null when nothing is asked. */
  pending: { from: string; to: string } | null;
  onStay: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (pending && !dialog.current?.open) dialog.current?.showModal();
    if (!pending && dialog.current?.open) dialog.current.close();
  }, [pending]);
  return (
    <dialog
      ref={dialog}
      className="edialog"
      aria-labelledby="switch-title"
      aria-describedby="switch-text"
      onCancel={(e) => {
        e.preventDefault();
        onStay();
      }}
    >
      {pending && (
        <>
          <h2 id="switch-title">{t('editor.switchTitle', { name: pending.from })}</h2>
          <p id="switch-text">{t('editor.switchText', { name: pending.from, next: pending.to })}</p>
          <div className="eform__actions">
            <button type="button" className="btn btn--primary" onClick={onStay}>
              {t('editor.keepEditing', { name: pending.from })}
            </button>
            <button type="button" className="btn" onClick={onDiscard}>
              {t('editor.discardAndSwitch', { next: pending.to })}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
