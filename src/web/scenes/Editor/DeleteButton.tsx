import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Delete, asked first in a modal dialog whose first (and so focused) choice is Cancel. */
export function DeleteButton({
  title,
  disabled,
  onConfirm,
}: {
  title: string;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="btn ebtn--danger"
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {t('editor.delete')}
      </button>
      <dialog ref={dialog} className="edialog" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('editor.deleteTitle', { title })}</h2>
        <p>{t('editor.deleteText')}</p>
        <div className="eform__actions">
          <button type="button" className="btn btn--primary" onClick={() => dialog.current?.close()}>
            {t('editor.cancel')}
          </button>
          <button
            type="button"
            className="btn ebtn--danger"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {t('editor.confirmDelete')}
          </button>
        </div>
      </dialog>
    </>
  );
}
