import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ReattachFlow } from '../../Settings/reattach/ReattachFlow.tsx';
import '../../Editor/Editor.css';

/**
 * "Re-attach" on an orphaned connection in the viewer: the settings' re-attach flow in a modal dialog over
 * the document (the same component, so both places rank, preselect and save alike); closing returns to the
 * connection's "Re-attach" button.
 */
export default function ReattachDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="edialog edialog--wide reattach-dialog"
      aria-labelledby="reattach-title"
      onClose={onClose}
    >
      <ReattachFlow
        id={id}
        links={({ saved }) => (
          <button
            type="button"
            className="btn"
            // After saving, the save button is gone: focus goes to the way out.
            ref={(el) => {
              if (saved) el?.focus();
            }}
            onClick={() => dialog.current?.close()}
          >
            {saved ? t('connections.reattachDone') : t('settings.cancel')}
          </button>
        )}
      />
    </dialog>
  );
}
