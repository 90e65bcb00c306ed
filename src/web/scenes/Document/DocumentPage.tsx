import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Paragraph } from '../../../domain/schemas/file.ts';
import type { ReferenceInput } from '../../../domain/schemas/reference.ts';
import { ApiError } from '../../api/client.ts';
import { documentsApi, fileDownloadUrl, useFileSearch, useParagraphs } from '../../api/documents.ts';
import { queryKeys, useEntityView, useTemplates } from '../../api/hooks.ts';
import { useCan } from '../../api/session.ts';
import { Shown } from '../../components/Shown/Shown.tsx';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { InProgressBadge, isInProgress } from '../../components/StatusBadge/StatusBadge.tsx';
import { useToast } from '../../components/Toast/Toast.tsx';
import { localTemplate, localView, useContentLanguage } from '../../lib/local.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ConnectDetails } from './connect/ConnectDetails.tsx';
import { paragraphAt, passageOf, TargetPane } from './connect/TargetPane.tsx';
import { TargetStep } from './connect/TargetStep.tsx';
import type { ConnectState, Passage } from './connect/types.ts';
import { useTargetDocument } from './connect/useTargetDocument.ts';
import { FileLanguages } from './FileLanguages.tsx';
import { SidePanel } from './panels/SidePanel.tsx';
import type { TocAnchor } from './panels/TocEditor.tsx';
import { pickFile } from './pickFile.ts';
import { useDocumentUrl } from './useDocumentUrl.ts';
import { ViewerToolbar } from './ViewerToolbar.tsx';
import { DocumentViewer, type ViewerHandle } from './viewer/DocumentViewer.tsx';
import type { Highlight } from './viewer/highlights.ts';
import { loadPdfJs } from './viewer/pdf.ts';
import type { TextRange } from './viewer/selection.ts';
import './Document.css';
import { fileReasonText } from '../../lib/file-reason-text.ts';

const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
const anchorOf = (p: Passage) => ({ fileId: p.fileId, start: p.start, end: p.end, exact: p.exact });

/**
 * `/documents/:id`: the page-by-page viewer with its toolbar, the side panel (connections, search within,
 * details, related passages) and the three-step connection flow, whose last step opens the target beside
 * the source.
 */
export default function DocumentPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const url = useDocumentUrl();
  const rawView = useEntityView(id);
  const rawTemplates = useTemplates();
  const lang = useContentLanguage();
  // What the reader sees: titles, labels and texts in their language (display copies, lib/local.ts).
  const view = useMemo(() => {
    const tpls = rawTemplates.data?.map((x) => localTemplate(x, lang));
    const data = rawView.data && tpls ? localView(rawView.data, tpls, lang) : undefined;
    return { ...rawView, data, isLoading: rawView.isLoading || rawTemplates.isLoading };
  }, [rawView, rawTemplates.data, rawTemplates.isLoading, lang]);
  const templates = useMemo(
    () => ({ data: rawTemplates.data?.map((x) => localTemplate(x, lang)) }),
    [rawTemplates.data, lang],
  );
  const file = pickFile(view.data?.files ?? [], url.fileId, lang);
  // Text, paragraphs and matches exist once the file is ready (a file is searchable exactly then).
  const readyId = file?.status === 'ready' ? file.id : undefined;
  const paragraphs = useParagraphs(readyId);
  const found = useFileSearch(readyId, url.find);
  const canConnect = useCan('collaborator');
  const canEdit = useCan('editor');
  const toast = useToast();
  const client = useQueryClient();
  const viewer = useRef<ViewerHandle>(null);
  const [page, setPage] = useState(url.page);
  const [selection, setSelection] = useState<{ passage: Passage; x: number; y: number } | null>(null);
  const [focus, setFocus] = useState<TextRange | null>(null);
  const [current, setCurrent] = useState<Paragraph | undefined>();
  const [connect, setConnect] = useState<ConnectState>({ step: 'idle' });
  const [reveal, setReveal] = useState<{ page: number } | null>(null);
  // pdf.js (400 KB to parse) after the first render, so the document's own requests go out first.
  useEffect(() => {
    void loadPdfJs();
  }, []);
  // While its file is processed, look again every few seconds: the viewer opens as soon as the text is in.
  const processing = file?.status === 'queued' || file?.status === 'processing';
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => client.invalidateQueries({ queryKey: queryKeys.entityView(id) }), 3000);
    return () => clearInterval(timer);
  }, [processing, client, id]);
  const title = view.data?.entity.title ?? t('document.title');
  useDocumentTitle(title);

  const list = paragraphs.data ?? [];
  const permalink = url.paragraphId ? list.find((p) => p.id === url.paragraphId) : undefined;
  useEffect(() => {
    if (permalink) {
      setFocus({ start: permalink.start, end: permalink.end });
      setCurrent(permalink);
    }
  }, [permalink]);

  const target = useTargetDocument(connect.step === 'target' ? connect.target.id : undefined);

  const highlights = useMemo<Highlight[]>(() => {
    const out: Highlight[] = [];
    for (const m of url.find.trim() ? (found.data?.matches ?? []) : [])
      for (const h of m.highlights)
        out.push({ start: m.fileStart + h.start, end: m.fileStart + h.end, kind: 'search' });
    if (focus) out.push({ ...focus, kind: 'focus' });
    if (connect.step !== 'idle')
      out.push({ start: connect.source.start, end: connect.source.end, kind: 'selection' });
    return out;
  }, [found.data, url.find, focus, connect]);

  const onPageChange = useCallback(
    (n: number) => {
      setPage(n);
      url.set({ page: n });
    },
    [url.set],
  );
  const goTo = (n: number, range?: TextRange) => {
    if (range) {
      setFocus(range);
      setCurrent(paragraphAt(list, range.start));
    }
    viewer.current?.goTo(n);
  };

  const onSelect = useCallback(
    (range: TextRange | null) => {
      // Until the paragraphs are in, a selection cannot be quoted exactly: no Connect for it yet.
      if (!range || !file || list.length === 0) return setSelection(null);
      const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
      setSelection({ passage: passageOf(file.id, list, range), x: rect?.left ?? 0, y: rect?.bottom ?? 0 });
    },
    [file, list],
  );
  const onTextClick = useCallback(
    (offset: number, referenceId: string | undefined) => {
      setSelection(null);
      const p = paragraphAt(list, offset);
      if (p) setCurrent(p);
      if (referenceId) url.set({ panel: 'connections' });
    },
    [list, url.set],
  );

  const save = useMutation({
    mutationFn: (input: ReferenceInput) => documentsApi.createReference(input),
    onSuccess: () => {
      setConnect({ step: 'idle' });
      window.getSelection()?.removeAllRanges();
      toast({ text: t('connect.saved') });
      url.set({ panel: 'connections' });
      void client.invalidateQueries({ queryKey: ['references'] });
    },
  });
  const saveError = save.error ? messageOf(save.error) : null;

  if (view.isLoading) return <Loading />;
  if (view.isError || !view.data) return <ErrorPanel error={view.error} />;
  const entity = view.data.entity;
  const template = templates.data?.find((x) => x.name === entity.template);

  const side =
    connect.step === 'details' ? (
      <ConnectDetails
        source={connect.source}
        sourceEntityId={entity.id}
        saving={save.isPending}
        error={saveError}
        onCancel={() => setConnect({ step: 'idle' })}
        onSelectTarget={(relation, tgt) => {
          save.reset();
          setConnect({ step: 'target', source: connect.source, relation, target: tgt, picked: null });
        }}
        onSaveToEntity={(relation, tgt) =>
          save.mutate({ relationType: relation, source: anchorOf(connect.source), targetEntityId: tgt.id })
        }
      />
    ) : connect.step === 'target' ? (
      <TargetStep
        source={connect.source}
        target={connect.target}
        paragraphs={target.paragraphs}
        picked={connect.picked}
        saving={save.isPending}
        error={saveError ?? target.problem}
        onPick={(p) => {
          setConnect({ ...connect, picked: passageOf(p.fileId, target.paragraphs, p) });
          setReveal({ page: p.page });
        }}
        onSave={() =>
          connect.picked &&
          save.mutate({
            relationType: connect.relation,
            source: anchorOf(connect.source),
            targetEntityId: connect.target.id,
            target: anchorOf(connect.picked),
          })
        }
        onBack={() => setConnect({ step: 'details', source: connect.source })}
        onCancel={() => setConnect({ step: 'idle' })}
      />
    ) : (
      <SidePanel
        panel={url.panel}
        onPanel={(panel) => url.set({ panel })}
        view={view.data}
        template={template}
        file={file}
        find={{
          query: url.find,
          onQuery: (find) => url.set({ find }),
          result: found.data,
          isFetching: found.isFetching,
        }}
        current={current}
        canConnect={canConnect}
        onConnectParagraph={(p) =>
          file && setConnect({ step: 'details', source: passageOf(file.id, list, p) })
        }
        onGoTo={goTo}
        onOpenParagraph={(paragraphId, n) => {
          const p = list.find((x) => x.id === paragraphId);
          goTo(p?.page ?? n, p ? { start: p.start, end: p.end } : undefined);
        }}
        page={page}
        onFile={(fileId) => url.set({ fileId, page: 1 })}
        tocEdit={
          canEdit
            ? { anchor: tocAnchor(selection?.passage, current, list), order: tocOrder(list) }
            : undefined
        }
      />
    );

  return (
    <div className={connect.step === 'target' ? 'docpage docpage--split' : 'docpage'}>
      <header className="docpage__head">
        <div>
          <p className="docpage__kind muted">{template?.label ?? entity.template}</p>
          <h1 className="docpage__title">
            <Shown of={entity} field="title" /> {isInProgress(entity.metadata) && <InProgressBadge />}
          </h1>
          <FileLanguages
            files={view.data.files}
            current={file}
            onFile={(fileId) => url.set({ fileId, page: 1 })}
          />
          {!entity.published && <p className="unpublished-mark">{t('editor.notPublished')}</p>}
        </div>
        <div className="docpage__links">
          {canConnect && (
            <Link className="btn btn--small" to={`/entities/${entity.id}/edit`}>
              {t('editor.edit')}
            </Link>
          )}
          {file && (
            <a className="btn btn--small" href={fileDownloadUrl(file.id)} download>
              {t('viewer.download')}
            </a>
          )}
          {file && (
            <Link className="btn btn--small" to={`/documents/${entity.id}/text?page=${page}`} reloadDocument>
              {t('document.textView')}
            </Link>
          )}
        </div>
      </header>
      {file && file.status === 'ready' && (
        <ViewerToolbar
          page={page}
          pageCount={file.pageCount ?? 1}
          zoom={url.zoom}
          currentScale={() => viewer.current?.currentScale() ?? 1}
          onPage={(n) => goTo(Math.min(Math.max(1, n), file.pageCount ?? 1))}
          onZoom={(zoom) => url.set({ zoom })}
        />
      )}
      <div className="docpage__body">
        <div className="docpage__source">
          {!file && <p className="panel">{t('viewer.noFile')}</p>}
          {file && processing && (
            <p className="panel" role="status">
              {t('viewer.processing', { percent: Math.round((file.progress ?? 0) * 100) })}
            </p>
          )}
          {file && (file.status === 'failed' || file.status === 'needs-ocr') && (
            <p className="panel panel--notice">
              {fileReasonText(file, t, i18n.language) ?? t(`viewer.status.${file.status}`)}
            </p>
          )}
          {file && file.status === 'ready' && (paragraphs.data || !url.paragraphId) && (
            <DocumentViewer
              key={file.id}
              ref={viewer}
              file={file}
              paragraphs={list}
              zoom={url.zoom}
              highlights={highlights}
              initialPage={permalink?.page ?? url.page}
              onPageChange={onPageChange}
              onSelect={onSelect}
              onTextClick={onTextClick}
              label={t('viewer.label', { title: entity.title })}
            />
          )}
          {file?.status === 'ready' && url.paragraphId && paragraphs.isLoading && <Loading />}
        </div>
        {connect.step === 'target' && target.file && (
          <TargetPane
            title={connect.target.title}
            file={target.file}
            paragraphs={target.paragraphs}
            picked={connect.picked}
            reveal={reveal}
            onPick={(picked) => setConnect({ ...connect, picked })}
          />
        )}
        <aside className="docpage__side" aria-label={t('viewer.side')}>
          {side}
        </aside>
      </div>
      {selection && connect.step === 'idle' && canConnect && (
        <div className="bubble" style={{ left: selection.x, top: selection.y + 6 }}>
          <button
            type="button"
            className="btn btn--primary btn--small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              save.reset();
              setConnect({ step: 'details', source: selection.passage });
              setSelection(null);
            }}
          >
            {t('connect.action')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Where a new TOC entry goes: the selected words (in the paragraph they start in), else the current paragraph. */
function tocAnchor(
  selected: Passage | undefined,
  current: Paragraph | undefined,
  list: readonly Paragraph[],
): TocAnchor | null {
  const at = selected ? paragraphAt(list, selected.start) : current;
  if (!at) return null;
  const words = (selected?.exact ?? at.text).replace(/\s+/g, ' ').trim();
  const label = words.length > 80 ? `${words.slice(0, 79)}…` : words;
  return label ? { label, paragraphId: at.id, page: at.page } : null;
}

/** An entry's position in the text: its paragraph's start, else just before its page's first paragraph. */
const tocOrder =
  (list: readonly Paragraph[]) =>
  (e: { page: number; paragraphId: string | null }): number => {
    const p = e.paragraphId ? list.find((x) => x.id === e.paragraphId) : undefined;
    if (p) return p.start;
    const first = list.find((x) => x.pageEnd >= e.page);
    return first ? first.start - 0.5 : Number.MAX_SAFE_INTEGER;
  };
