import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POINT, stepZoom, type Zoom } from './viewer/zoom.ts';

/** Page navigation and zoom for one viewer: prev/next, a page box, zoom out/in, fit width, fit page. */
export function ViewerToolbar({
  page,
  pageCount,
  zoom,
  currentScale,
  onPage,
  onZoom,
}: {
  page: number;
  pageCount: number;
  zoom: Zoom;
  currentScale: () => number;
  onPage: (page: number) => void;
  onZoom: (zoom: Zoom) => void;
}) {
  const { t, i18n } = useTranslation();
  // "Previous" points to where the line starts: right in Arabic. The glyph is chosen by direction and kept
  // from bidi mirroring (dir="ltr"), so no CSS flip and no browser mirroring rule is involved.
  const rtl = i18n.dir() === 'rtl';
  const back = rtl ? '›' : '‹';
  const forward = rtl ? '‹' : '›';
  const [typed, setTyped] = useState(String(page));
  useEffect(() => setTyped(String(page)), [page]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(typed);
    if (Number.isInteger(n) && n >= 1 && n <= pageCount) onPage(n);
    else setTyped(String(page));
  };
  return (
    <div className="vtoolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
      <button type="button" className="btn btn--small" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        <span aria-hidden="true" dir="ltr">
          {back}
        </span>
        <span className="visually-hidden">{t('viewer.previousPage')}</span>
      </button>
      <form onSubmit={submit} className="vtoolbar__page">
        <label>
          <span className="visually-hidden">{t('viewer.pageNumber')}</span>
          <input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onBlur={submit}
            inputMode="numeric"
            size={3}
            aria-describedby="vtoolbar-count"
          />
        </label>
        <span id="vtoolbar-count" className="muted">
          {t('viewer.ofPages', { count: pageCount })}
        </span>
      </form>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => onPage(page + 1)}
        disabled={page >= pageCount}
      >
        <span aria-hidden="true" dir="ltr">
          {forward}
        </span>
        <span className="visually-hidden">{t('viewer.nextPage')}</span>
      </button>
      <span className="vtoolbar__sep" />
      <button type="button" className="btn btn--small" onClick={() => onZoom(stepZoom(currentScale(), -1))}>
        <span aria-hidden="true">−</span>
        <span className="visually-hidden">{t('viewer.zoomOut')}</span>
      </button>
      <span className="vtoolbar__zoom" aria-live="polite">
        {`${Math.round((typeof zoom === 'number' ? zoom : currentScale() / POINT) * 100)} %`}
      </span>
      <button type="button" className="btn btn--small" onClick={() => onZoom(stepZoom(currentScale(), 1))}>
        <span aria-hidden="true">+</span>
        <span className="visually-hidden">{t('viewer.zoomIn')}</span>
      </button>
      <button
        type="button"
        className="btn btn--small"
        aria-pressed={zoom === 'fit-width'}
        onClick={() => onZoom('fit-width')}
      >
        {t('viewer.fit-width')}
      </button>
      <button
        type="button"
        className="btn btn--small"
        aria-pressed={zoom === 'fit-page'}
        onClick={() => onZoom('fit-page')}
      >
        {t('viewer.fit-page')}
      </button>
    </div>
  );
}
