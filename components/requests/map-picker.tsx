"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * A pin on a map, only when the map can load: tiles come from a configured URL
 * ({z}/{x}/{y}); if the first tile does not arrive the picker says so to its parent, which hides
 * the choice. Loaded lazily by the report form only, so no other page pays for it. Buttons move
 * and zoom the map (keyboard, 44 px targets); a tap or click drops the pin.
 */
const TILE = 256;
const SIZE = 3; // tiles across

function project(lat: number, lon: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { x: ((lon + 180) / 360) * n, y: ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n };
}

function unproject(x: number, y: number, z: number): { lat: number; lon: number } {
  const n = 2 ** z;
  const lon = (x / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return { lat, lon };
}

export default function MapPicker({ tileUrl, attribution, onPoint, onUnavailable, start }: {
  tileUrl: string;
  /** The tiles' credit, as configured (MAP_ATTRIBUTION). */
  attribution: string;
  onPoint: (p: { lat: number; lon: number }) => void;
  onUnavailable: () => void;
  start: { lat: number; lon: number; zoom: number };
}) {
  const t = useTranslations("MunicipalReport.map");
  const [view, setView] = useState(start);
  const [pin, setPin] = useState<{ lat: number; lon: number } | null>(null);
  const centre = project(view.lat, view.lon, view.zoom);
  const originX = Math.floor(centre.x) - 1;
  const originY = Math.floor(centre.y) - 1;
  const url = (x: number, y: number) => tileUrl.replace("{z}", String(view.zoom)).replace("{x}", String(x)).replace("{y}", String(y));

  useEffect(() => {
    const probe = new Image();
    const timer = setTimeout(onUnavailable, 8000);
    probe.onload = () => clearTimeout(timer);
    probe.onerror = () => {
      clearTimeout(timer);
      onUnavailable();
    };
    const c = project(start.lat, start.lon, start.zoom);
    probe.src = tileUrl.replace("{z}", String(start.zoom)).replace("{x}", String(Math.floor(c.x))).replace("{y}", String(Math.floor(c.y)));
    return () => clearTimeout(timer);
  }, [tileUrl, start, onUnavailable]);

  const move = (dx: number, dy: number) => setView((v) => ({ ...unproject(project(v.lat, v.lon, v.zoom).x + dx, project(v.lat, v.lon, v.zoom).y + dy, v.zoom), zoom: v.zoom }));
  const zoom = (d: number) => setView((v) => ({ ...v, zoom: Math.min(18, Math.max(5, v.zoom + d)) }));
  const pinAt = pin ? project(pin.lat, pin.lon, view.zoom) : null;
  const button = "min-h-11 min-w-11 rounded-sm bg-canvas px-3 font-semibold shadow-[0_2px_0] shadow-line";

  return (
    <div role="group" aria-label={t("region")} className="mb-4 max-w-full">
      <div
        className="relative overflow-hidden border-2 border-ink"
        style={{ width: "100%", maxWidth: TILE * SIZE, aspectRatio: "1 / 1", direction: "ltr" }}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const scale = (TILE * SIZE) / box.width;
          const p = unproject(originX + ((e.clientX - box.left) * scale) / TILE, originY + ((e.clientY - box.top) * scale) / TILE, view.zoom);
          setPin(p);
          onPoint(p);
        }}
      >
        {Array.from({ length: SIZE * SIZE }, (_, i) => {
          const x = originX + (i % SIZE);
          const y = originY + Math.floor(i / SIZE);
          return <img key={`${view.zoom}-${x}-${y}`} src={url(x, y)} alt="" draggable={false} className="absolute" style={{ left: `${((i % SIZE) * 100) / SIZE}%`, top: `${(Math.floor(i / SIZE) * 100) / SIZE}%`, width: `${100 / SIZE}%`, height: `${100 / SIZE}%` }} />;
        })}
        {pinAt ? <span aria-hidden className="absolute size-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-danger" style={{ left: `${((pinAt.x - originX) * 100) / SIZE}%`, top: `${((pinAt.y - originY) * 100) / SIZE}%` }} /> : null}
      </div>
      <p className="text-sm text-muted">{attribution}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={button} onClick={() => zoom(1)}>{t("zoomIn")}</button>
        <button type="button" className={button} onClick={() => zoom(-1)}>{t("zoomOut")}</button>
        <button type="button" className={button} onClick={() => move(0, -0.5)}>{t("north")}</button>
        <button type="button" className={button} onClick={() => move(0, 0.5)}>{t("south")}</button>
        <button type="button" className={button} onClick={() => move(0.5, 0)}>{t("east")}</button>
        <button type="button" className={button} onClick={() => move(-0.5, 0)}>{t("west")}</button>
      </div>
      <p role="status" className="mt-2">{pin ? t("pinned", { lat: pin.lat.toFixed(5), lon: pin.lon.toFixed(5) }) : ""}</p>
    </div>
  );
}
