import { geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { Loading } from '../../components/Status/Loading.tsx';
import './WorldMap.css';

/** A state as the map draws it: joined to the atlas by ISO 3166 numeric code (the world-atlas feature id). */
export type MapState = { id: string; name: string; isoNumeric: string; href: string; fill: string };

const WIDTH = 960;
const HEIGHT = 470;
const ANTARCTICA = '010';

type Shape = { key: string; d: string; cx: number; cy: number; state: MapState | undefined };

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
  const refs = useRef(new Map<string, SVGPathElement>());

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
    return fc.features
      .map((f) => {
        const [cx, cy] = path.centroid(f);
        return {
          key: String(f.id ?? f.properties.name),
          d: path(f) ?? '',
          cx,
          cy,
          state: byCode.get(String(f.id)),
        };
      })
      .sort((a, b) => (a.state?.name ?? '').localeCompare(b.state?.name ?? ''));
  }, [atlas, byCode]);
  const focusable = shapes.filter((s) => s.state);

  if (failed) return <p className="muted">{t('map.unavailable')}</p>;
  if (!atlas) return <Loading label={t('map.loading')} />;

  const showAt = (name: string, x: number, y: number) => setHover({ name, x, y });
  const handleMove = (e: MouseEvent<SVGPathElement>, name: string) => {
    const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (box)
      showAt(name, ((e.clientX - box.left) / box.width) * 100, ((e.clientY - box.top) / box.height) * 100);
  };
  const handleKey = (e: KeyboardEvent<SVGPathElement>, shape: Shape) => {
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

  return (
    <div className="worldmap">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG has no fieldset; role=group names the map */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={label} className="worldmap__svg">
        <title>{label}</title>
        {shapes.map((shape) =>
          shape.state ? (
            // biome-ignore lint/a11y/useSemanticElements: the brief asks for focusable paths; role=link says what Enter does
            <path
              key={shape.key}
              ref={(el) => {
                if (el && shape.state) refs.current.set(shape.state.id, el);
              }}
              d={shape.d}
              fill={shape.state.fill}
              className="worldmap__state"
              role="link"
              tabIndex={0}
              aria-label={shape.state.name}
              data-iso={shape.state.isoNumeric}
              onClick={() => shape.state && onOpen(shape.state.href)}
              onKeyDown={(e) => handleKey(e, shape)}
              onMouseMove={(e) => handleMove(e, shape.state?.name ?? '')}
              onMouseLeave={() => setHover(null)}
              onFocus={() =>
                showAt(shape.state?.name ?? '', (shape.cx / WIDTH) * 100, (shape.cy / HEIGHT) * 100)
              }
              onBlur={() => setHover(null)}
            />
          ) : (
            <path key={shape.key} d={shape.d} className="worldmap__other" />
          ),
        )}
      </svg>
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
