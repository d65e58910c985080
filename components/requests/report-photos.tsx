"use client";
import { useState } from "react";
import { resizePhoto } from "@/components/uploads/resize";

/**
 * Photos of the problem: each is made smaller on the phone (components/uploads/resize), then
 * sent to POST /api/uploads with the form's key, where the server checks, re-encodes and strips
 * it (keeping only the place when the citizen chose to share it). The form carries the ids back.
 */
export type PhotoLabels = {
  label: string;
  hint: string;
  preparing: string;
  ready: string;
  offline: string;
  photo: string;
  remaining: string;
  errors: Record<string, string>;
};

type Sent = { id: string; name: string };

function messageOf(labels: PhotoLabels, body: unknown): string {
  const error = (body as { error?: { code?: string; fields?: Record<string, string>; values?: Record<string, string | number> } } | null)?.error;
  const key = error?.fields?.file?.replace(/^Uploads\.errors\./, "") ?? error?.code ?? "";
  const template = labels.errors[key] ?? labels.errors.damaged ?? "";
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(error?.values?.[k] ?? ""));
}

export function ReportPhotos({ draftKey, max, maxBytes, labels, initial = [] }: { draftKey: string; max: number; maxBytes: number; labels: PhotoLabels; initial?: Sent[] }) {
  const [sent, setSent] = useState<Sent[]>(initial);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const onChange = async (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []).slice(0, Math.max(0, max - sent.length));
    input.value = "";
    if (files.length === 0) return setStatus({ text: labels.errors.tooMany?.replace("{max}", String(max)) ?? "", error: true });
    const keepLocation = (input.form?.elements.namedItem("sharePhotoLocation") as HTMLInputElement | null)?.checked === true;
    for (const file of files) {
      setStatus({ text: labels.preparing, error: false });
      // Resizing on the phone drops the photo's hidden data, its place too: when the citizen chose
      // to share the place, the original goes (within the server's limit) and the server keeps only that.
      const small = keepLocation && file.size <= maxBytes ? file : await resizePhoto(file);
      const body = new FormData();
      body.set("file", small);
      body.set("draftKey", draftKey);
      body.set("keepLocation", String(keepLocation));
      try {
        const res = await fetch("/api/uploads", { method: "POST", body });
        const json: unknown = await res.json().catch(() => null);
        if (!res.ok) return setStatus({ text: messageOf(labels, json), error: true });
        const id = (json as { id: string }).id;
        setSent((s) => [...s, { id, name: file.name }]);
        setStatus({ text: labels.ready, error: false });
      } catch {
        return setStatus({ text: labels.offline, error: true });
      }
    }
  };
  return (
    <div className="mb-6 flex flex-col gap-1">
      <label htmlFor="photos" className="block font-semibold">
        {labels.label}
      </label>
      <div id="photos-hint" className="text-muted">
        {labels.hint}
      </div>
      {sent.length < max ? (
        <input
          id="photos"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          aria-describedby="photos-hint photos-status"
          onChange={(e) => void onChange(e.currentTarget)}
          className="block min-h-11 max-w-xl text-base file:me-3 file:min-h-11 file:border-2 file:border-ink file:bg-canvas file:px-3"
        />
      ) : null}
      <p id="photos-status" role="status" className={status?.error ? "font-semibold text-danger" : "text-muted"}>
        {status?.text}
      </p>
      {sent.length ? (
        <ul className="mt-2 flex flex-wrap gap-2">
          {sent.map((p, i) => (
            <li key={p.id}>
              <input type="hidden" name="photoIds" value={p.id} />
              <img src={`/api/files/${p.id}`} alt={labels.photo.replace("{n}", String(i + 1))} width={96} height={96} className="size-24 object-cover" />
            </li>
          ))}
        </ul>
      ) : null}
      {sent.length ? <p className="text-muted">{labels.remaining.replace("{count}", String(max - sent.length))}</p> : null}
    </div>
  );
}
