"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { UPLOAD_LIMITS } from "@/lib/documents/uploads/limits";
import { resizePhoto } from "@/components/uploads/resize";

/**
 * Photos of the problem: each is made smaller on the phone (components/uploads/resize), then
 * sent to POST /api/uploads with the form's key, where the server checks, re-encodes and strips
 * it (keeping only the place when the citizen chose to share it). The form carries the ids back.
 */
type Sent = { id: string; name: string };

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** The server's refusal in the citizen's words (its field message key, or its code). */
function messageOf(u: Translate, body: unknown): string {
  const error = (body as { error?: { code?: string; fields?: Record<string, string>; values?: Record<string, string | number> } } | null)?.error;
  const key = `errors.${error?.fields?.file?.replace(/^Uploads\.errors\./, "") ?? error?.code ?? ""}`;
  return u.has(key) ? u(key, error?.values ?? {}) : u("errors.damaged");
}

export function ReportPhotos({ draftKey, initial = [] }: { draftKey: string; initial?: Sent[] }) {
  const t = useTranslations("MunicipalReport.photos");
  const u = useTranslations("Uploads") as unknown as Translate;
  const max = UPLOAD_LIMITS.maxFiles;
  const maxBytes = UPLOAD_LIMITS.maxImageBytes;
  const [sent, setSent] = useState<Sent[]>(initial);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const onChange = async (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []).slice(0, Math.max(0, max - sent.length));
    input.value = "";
    if (files.length === 0) return setStatus({ text: u("errors.tooMany", { max }), error: true });
    const keepLocation = (input.form?.elements.namedItem("sharePhotoLocation") as HTMLInputElement | null)?.checked === true;
    for (const file of files) {
      setStatus({ text: u("preparing"), error: false });
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
        if (!res.ok) return setStatus({ text: messageOf(u, json), error: true });
        const id = (json as { id: string }).id;
        setSent((s) => [...s, { id, name: file.name }]);
        setStatus({ text: u("ready"), error: false });
      } catch {
        return setStatus({ text: t("offline"), error: true });
      }
    }
  };
  return (
    <div className="mb-6 flex flex-col gap-1">
      <label htmlFor="photos" className="block font-semibold">
        {t("label")}
      </label>
      <div id="photos-hint" className="text-muted">
        {t("hint", { max, maxMb: maxBytes / 1024 / 1024, side: UPLOAD_LIMITS.maxSide })}
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
              <img src={`/api/files/${p.id}`} alt={t("photo", { n: i + 1 })} width={96} height={96} className="size-24 object-cover" />
            </li>
          ))}
        </ul>
      ) : null}
      {sent.length ? <p className="text-muted">{t("remaining", { count: max - sent.length })}</p> : null}
    </div>
  );
}
