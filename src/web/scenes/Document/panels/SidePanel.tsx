import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityView } from '../../../../domain/schemas/entity-view.ts';
import type { FileRecord, Paragraph } from '../../../../domain/schemas/file.ts';
import type { Template } from '../../../../domain/schemas/template.ts';
import type { FileSearchResult } from '../../../api/documents.ts';
import type { PanelName } from '../useDocumentUrl.ts';
import type { TextRange } from '../viewer/selection.ts';
import { ConnectionsPanel } from './ConnectionsPanel.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { FindPanel } from './FindPanel.tsx';
import { RelatedPanel } from './RelatedPanel.tsx';
import type { TocAnchor } from './TocEditor.tsx';
import { TocPanel } from './TocPanel.tsx';

const TABS: PanelName[] = ['connections', 'find', 'contents', 'related', 'details'];

/** The viewer's side panel: tabs (arrow keys move between them, as WAI-ARIA tabs do) over five panels. */
export function SidePanel({
  panel,
  onPanel,
  view,
  template,
  file,
  find,
  current,
  canConnect,
  onConnectParagraph,
  onGoTo,
  onOpenParagraph,
  page,
  onFile,
  tocEdit,
}: {
  panel: PanelName;
  onPanel: (p: PanelName) => void;
  view: EntityView;
  template: Template | undefined;
  file: FileRecord | undefined;
  find: {
    query: string;
    onQuery: (q: string) => void;
    result: FileSearchResult | undefined;
    isFetching: boolean;
  };
  current: Paragraph | undefined;
  canConnect: boolean;
  onConnectParagraph: (p: Paragraph) => void;
  onGoTo: (page: number, range?: TextRange) => void;
  /** Scrolls to a paragraph and marks it (a TOC entry); `page` when the paragraph is not known. */
  onOpenParagraph: (paragraphId: string | null, page: number) => void;
  /** The page being read, to mark the TOC entry it falls under. */
  page: number;
  onFile: (fileId: string) => void;
  /** Set for editors: the TOC can be edited, new entries going at `anchor`. */
  tocEdit?: { anchor: TocAnchor | null; order: (e: { page: number; paragraphId: string | null }) => number };
}) {
  const { t } = useTranslation();
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (e: KeyboardEvent) => {
    // From the focused tab: the panel in the URL may not have rendered yet (navigations are transitions).
    const focused = tabs.current.indexOf(e.target as HTMLButtonElement);
    const i = focused >= 0 ? focused : TABS.indexOf(panel);
    // The tabs run from right to left in Arabic: the arrow keys follow what the reader sees.
    const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const next = e.key === forward ? i + 1 : e.key === back ? i - 1 : null;
    if (next === null) return;
    const name = TABS[(next + TABS.length) % TABS.length]!;
    onPanel(name);
    tabs.current[TABS.indexOf(name)]?.focus();
  };
  return (
    <div className="side">
      <div
        role="tablist"
        aria-label={t('viewer.side')}
        className="side__tabs"
        onKeyDown={onKey}
        tabIndex={-1}
      >
        {TABS.map((name, i) => (
          <button
            key={name}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={panel === name}
            aria-controls={`panel-${name}`}
            tabIndex={panel === name ? 0 : -1}
            onClick={() => onPanel(name)}
          >
            {t(`viewer.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`} className="side__panel">
        {panel === 'connections' && (
          <ConnectionsPanel
            entityId={view.entity.id}
            file={file}
            onReveal={(a, page) => onGoTo(page ?? 1, a)}
          />
        )}
        {panel === 'find' && (
          <FindPanel
            query={find.query}
            onQuery={find.onQuery}
            result={find.result}
            isFetching={find.isFetching}
            onOpen={(m) => onGoTo(m.page, { start: m.fileStart, end: m.fileStart + m.text.length })}
          />
        )}
        {panel === 'contents' && (
          <TocPanel
            fileId={file?.status === 'ready' ? file.id : undefined}
            page={page}
            currentParagraphId={current?.id}
            onOpen={onOpenParagraph}
            edit={tocEdit}
          />
        )}
        {panel === 'related' && (
          <>
            <RelatedPanel paragraph={current} />
            {current && canConnect && file && (
              <button type="button" className="btn" onClick={() => onConnectParagraph(current)}>
                {t('connect.connectParagraph')}
              </button>
            )}
          </>
        )}
        {panel === 'details' && (
          <DetailsPanel view={view} template={template} currentFileId={file?.id} onFile={onFile} />
        )}
      </div>
    </div>
  );
}
