import { useTranslation } from 'react-i18next';
import { useParagraphs } from '../../../api/documents.ts';
import { useEntityView } from '../../../api/hooks.ts';
import { pickFile } from '../pickFile.ts';

/** Step 3's target: its readable file and paragraphs, or why it cannot be shown. */
export function useTargetDocument(entityId: string | undefined) {
  const { t } = useTranslation();
  const view = useEntityView(entityId);
  const file = pickFile(view.data?.files ?? [], undefined);
  const ready = file?.status === 'ready' ? file : undefined;
  const paragraphs = useParagraphs(ready?.id);
  const problem =
    entityId && view.data && !ready
      ? t('connect.targetNotReady')
      : view.isError
        ? t('connect.targetFailed')
        : null;
  return { file: ready, paragraphs: paragraphs.data ?? [], problem };
}
