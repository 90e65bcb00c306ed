import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Files by drag and drop, or by the file picker behind a real button (keyboard). */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <section
      className="dropzone"
      data-over={over}
      aria-label={t('editor.dropFiles')}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles([...e.dataTransfer.files]);
      }}
    >
      <p>{t('editor.dropFiles')}</p>
      <button type="button" className="btn btn--small" onClick={() => input.current?.click()}>
        {t('editor.chooseFiles')}
      </button>
      <input
        ref={input}
        hidden
        type="file"
        multiple
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </section>
  );
}
