import { geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { Loading } from '../../components/Status/Loading.tsx';
import smallStates from './small-states.json' with { type: 'json' };
import { MAX_ZOOM, MIN_TARGET, useMapZoom } from './useMapZoom.ts';
import './WorldMap.css';

/** A state as the map draws it: joined to the atlas by ISO 3166 numeric code (the world-atlas feature id). */
export type MapState = { id: string; name: string; isoNumeric: string; href: string; fill: string };

const WIDTH = 960;
const HEIGHT = 470;
const ANTARCTICA = '010';

/** Radius (in viewBox units) of the marker drawn for a state too small to have a shape in the 110m atlas. */
const MARKER_R = 3.5;

/** `d` is the outline of a country, or null for a state drawn as a marker at its centroid (`cx`, `cy`). */
type Shape = { key: string; d: string | null; cx: number; cy: number; state: MapState | undefined };

/**
 * Centroids [lon, lat] of the states that the 110m atlas leaves out (written by scripts/make-small-states.mjs
 * from countries-10m.json), so that they can be clicked without loading the 10m file.
 */
const SMALL_STATES: Record<string, number[]> = smallStates;

let atlasPromise: Promise<Topology> | null = null;
const loadAtlas = () => {
  atlasPromise ??= fetch(atlasUrl).then((r) => r.json() as Promise<Topology>);
  return atlasPromise;
};

/**
 * The interactive world map. Each state is a focusable link (Tab or the arrow keys, Enter to open) named by
 * `aria-label`; hover or focus shows its name. Territories that are not UN member states are drawn but inert.
 */
export default function WorldMap({
  states,
  onOpen,
  label,
}: {
  states: MapState[];
  onOpen: (href: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [atlas, setAtlas] = useState<Topology | null>(null);
  const [failed, setFailed] = useState(false);
  const [hover, setHover] = useState<{ name: string; x: number; y: number } | null>(null);
  const refs = useRef(new Map<string, SVGElement>());
  const svg = useRef<SVGSVGElement>(null);
  const map = useMapZoom(svg, WIDTH, HEIGHT);
  const pointerType = useRef('mouse');

  useEffect(() => {
    let live = true;
    loadAtlas()
      .then((a) => live && setAtlas(a))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  const byCode = useMemo(() => new Map(states.map((s) => [s.isoNumeric, s])), [states]);
  const shapes = useMemo<Shape[]>(() => {
    if (!atlas) return [];
    const countries = atlas.objects.countries as GeometryCollection;
    const fc = feature(atlas, countries) as FeatureCollection<Geometry, { name: string }>;
    fc.features = fc.features.filter((f) => f.id !== ANTARCTICA);
    const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], fc);
    const path = geoPath(projection);
    const outlined = fc.features.map((f): Shape => {
      const [cx, cy] = path.centroid(f);
      return {
        key: String(f.id ?? f.properties.name),
        d: path(f) ?? '',
        cx,
        cy,
        state: byCode.get(String(f.id)),
      };
    });
    const drawn = new Set(outlined.map((s) => s.key));
    const markers = Object.entries(SMALL_STATES).flatMap(([code, [lon = 0, lat = 0]]): Shape[] => {
      const state = byCode.get(code);
      const point = projection([lon, lat]);
      if (!state || !point || drawn.has(code)) return [];
      return [{ key: code, d: null, cx: point[0], cy: point[1], state }];
    });
    return [...outlined, ...markers].sort((a, b) => (a.state?.name ?? '').localeCompare(b.state?.name ?? ''));
  }, [atlas, byCode]);
  const focusable = shapes.filter((s) => s.state);
  // Markers go last in the SVG so that they sit on top of the countries around them (San Marino in Italy).
  const outlines = shapes.filter((s) => s.d !== null);
  const markers = shapes.filter((s) => s.d === null);

  if (failed) return <p className="muted">{t('map.unavailable')}</p>;
  if (!atlas) return <Loading label={t('map.loading')} />;

  const showAt = (name: string, x: number, y: number) => setHover({ name, x, y });
  const handleMove = (e: MouseEvent<SVGElement>, name: string) => {
    const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (box)
      showAt(name, ((e.clientX - box.left) / box.width) * 100, ((e.clientY - box.top) / box.height) * 100);
  };
  const handleKey = (e: KeyboardEvent<SVGElement>, shape: Shape) => {
    if (!shape.state) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(shape.state.href);
      return;
    }
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const i = focusable.indexOf(shape);
    const next = focusable[(i + step + focusable.length) % focusable.length];
    if (next?.state) refs.current.get(next.state.id)?.focus();
  };

  /**
   * A tap on a state too small to hit reliably zooms in on it; a tap on a big enough one, a click with a
   * mouse, or Enter opens it. The end of a drag or pinch opens nothing.
   */
  const handleClick = (e: MouseEvent<SVGElement>, shape: Shape, state: MapState) => {
    if (map.wasDrag()) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const size = Math.max(rect.width, rect.height);
    if (pointerType.current !== 'mouse' && size < MIN_TARGET && map.zoom < MAX_ZOOM) {
      map.focusOn(shape.cx, shape.cy, map.zoom * Math.max(2, (2 * MIN_TARGET) / Math.max(size, 1)));
      return;
    }
    onOpen(state.href);
  };

  /** What a state's path and a small state's marker share: its colour, name, focus and handlers. */
  const interactive = (shape: Shape, state: MapState) => ({
    ref: (el: SVGElement | null) => {
      if (el) refs.current.set(state.id, el);
    },
    fill: state.fill,
    role: 'link',
    tabIndex: 0,
    'aria-label': state.name,
    'data-iso': state.isoNumeric,
    onClick: (e: MouseEvent<SVGElement>) => handleClick(e, shape, state),
    onKeyDown: (e: KeyboardEvent<SVGElement>) => handleKey(e, shape),
    onMouseMove: (e: MouseEvent<SVGElement>) => handleMove(e, state.name),
    onMouseLeave: () => setHover(null),
    onFocus: () => showAt(state.name, (shape.cx / WIDTH) * 100, (shape.cy / HEIGHT) * 100),
    onBlur: () => setHover(null),
  });

  return (
    <div className="worldmap">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG has no fieldset; role=group names the map */}
      <svg
        ref={svg}
        viewBox={`${map.view.x} ${map.view.y} ${map.view.w} ${(map.view.w * HEIGHT) / WIDTH}`}
        role="group"
        aria-label={label}
        className={map.isWhole ? 'worldmap__svg' : 'worldmap__svg worldmap__svg--zoomed'}
        data-zoom={map.zoom.toFixed(2)}
        {...map.handlers}
        onPointerDownCapture={(e) => {
          pointerType.current = e.pointerType;
        }}
      >
        <title>{label}</title>
        {outlines.map((shape) =>
          shape.state ? (
            <path
              key={shape.key}
              d={shape.d ?? ''}
              className="worldmap__state"
              {...interactive(shape, shape.state)}
            />
          ) : (
            <path key={shape.key} d={shape.d ?? ''} className="worldmap__other" />
          ),
        )}
        {markers.map(
          (shape) =>
            shape.state && (
              <circle
                key={shape.key}
                cx={shape.cx}
                cy={shape.cy}
                r={MARKER_R / Math.sqrt(map.zoom)}
                className="worldmap__state worldmap__marker"
                {...interactive(shape, shape.state)}
              />
            ),
        )}
      </svg>
      <div className="worldmap__zoom">
        <button type="button" onClick={map.zoomIn} aria-label={t('map.zoomIn')} title={t('map.zoomIn')}>
          +
        </button>
        <button type="button" onClick={map.zoomOut} aria-label={t('map.zoomOut')} title={t('map.zoomOut')}>
          −
        </button>
        <button
          type="button"
          onClick={map.reset}
          disabled={map.isWhole}
          aria-label={t('map.zoomReset')}
          title={t('map.zoomReset')}
        >
          ⤢
        </button>
      </div>
      {hover && (
        <div
          className="worldmap__tip"
          style={{ insetInlineStart: `${hover.x}%`, insetBlockStart: `${hover.y}%` }}
          aria-hidden="true"
        >
          {hover.name}
        </div>
      )}
    </div>
  );
}
