import { useTranslation } from 'react-i18next';
import { isUiLanguage, LANGUAGE_INFO } from '../../../domain/languages.ts';
import type { FileRecord } from '../../../domain/schemas/file.ts';
import { fileLanguages } from './pickFile.ts';

/**
 * The viewer's language switcher: when a document holds files in several languages, one button per
 * language (named in itself, with its `lang`), the shown one pressed. Connections belong to a file, so
 * switching shows the other file's own.
 */
export function FileLanguages({
  files,
  current,
  onFile,
}: {
  files: readonly FileRecord[];
  current: FileRecord | undefined;
  onFile: (fileId: string) => void;
}) {
  const { t } = useTranslation();
  const list = fileLanguages(files);
  if (list.length < 2) return null;
  return (
    <nav className="docpage__languages" aria-label={t('viewer.languages')}>
      <span className="muted">{t('viewer.languagesLabel')}</span>
      <ul>
        {list.map(({ language, file }) => {
          const name = isUiLanguage(language) ? LANGUAGE_INFO[language] : undefined;
          return (
            <li key={language}>
              <button
                type="button"
                className="btn btn--small"
                lang={name?.htmlLang ?? language}
                aria-pressed={current?.language === language}
                onClick={() => onFile(file.id)}
              >
                {name?.name ?? language}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
