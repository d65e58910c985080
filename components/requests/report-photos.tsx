"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { UPLOAD_LIMITS } from "@/lib/documents/uploads/limits";
import { unfinishedUploads } from "@/lib/documents/uploads/client/unfinished";
import { resizePhoto } from "@/components/uploads/resize";

/**
 * Photos of the problem: each is made smaller on the phone (components/uploads/resize), then
 * sent in pieces with the tus protocol (lib/documents/uploads/client/resumable.ts) under the
 * form's key, so a weak network pauses it instead of losing it, and choosing the same photo
 * after a reload continues where it stopped. The server checks the finished file, re-encodes and
 * strips it (keeping only the place when the citizen chose to share it). The form carries the ids
 * back. Progress is told in words, in tenths, so a screen reader is not flooded.
 */
type Sent = { id: string; name: string };

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** The server's refusal in the citizen's words (its field message key, or its code). */
function messageOf(u: Translate, body: unknown): string {
  const error = (body as { error?: { code?: string; fields?: Record<string, string>; values?: Record<string, string | number> } } | null)?.error;
  const key = `errors.${error?.fields?.file?.replace(/^Uploads\.errors\./, "") ?? error?.code ?? ""}`;
  return u.has(key) ? u(key, error?.values ?? {}) : u("errors.damaged");
}

const percentOf = (sent: number, total: number) => (total > 0 ? Math.floor((sent / total) * 100) : 0);

export function ReportPhotos({ draftKey, userId, chunkBytes, initial = [] }: { draftKey: string; userId: string; chunkBytes: number; initial?: Sent[] }) {
  const t = useTranslations("MunicipalReport.photos");
  const u = useTranslations("Uploads") as unknown as Translate;
  const r = useTranslations("ResumableUpload");
  const max = UPLOAD_LIMITS.maxFiles;
  const maxBytes = UPLOAD_LIMITS.maxImageBytes;
  const [sent, setSent] = useState<Sent[]>(initial);
  // Uploads cut by a reload: the photo must be chosen again (a page cannot reopen a file by itself).
  // Read at first render: this leaf is drawn only once JavaScript runs (report-form's `js`).
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(() => {
    const names = unfinishedUploads(userId);
    return names.length ? { text: r("unfinished", { name: names[0]! }), error: false } : null;
  });
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [failed, setFailed] = useState<{ files: File[]; keepLocation: boolean } | null>(null);
  const sending = useRef<AbortController | null>(null);
  useEffect(() => () => sending.current?.abort(), []);

  const send = async (files: File[], keepLocation: boolean) => {
    sending.current?.abort();
    const controller = new AbortController();
    sending.current = controller;
    setFailed(null);
    for (const [i, file] of files.entries()) {
      setStatus({ text: u("preparing"), error: false });
      // Resizing on the phone drops the photo's hidden data, its place too: when the citizen chose
      // to share the place, the original goes (within the server's limit) and the server keeps only that.
      const small = keepLocation && file.size <= maxBytes ? file : await resizePhoto(file);
      let told = -1;
      const tell = (key: "progress" | "resumed" | "paused", done: number, total: number) => {
        const percent = percentOf(done, total);
        setProgress({ name: file.name, percent });
        // Words at each tenth (and every pause or resumption), not at every piece.
        if (key === "progress" && Math.floor(percent / 10) === told) return;
        if (key === "progress") told = Math.floor(percent / 10);
        setStatus({ text: r(key, { name: file.name, percent }), error: false });
      };
      let last = { done: 0, total: small.size };
      try {
        // tus-js-client (16 kB gzipped) is fetched when a photo is chosen, not with the page.
        const { sendResumable } = await import("@/lib/documents/uploads/client/resumable");
        const id = await sendResumable({
          file: small,
          name: file.name,
          userId,
          draftKey,
          keepLocation,
          chunkBytes,
          signal: controller.signal,
          events: {
            onProgress: (done, total) => {
              last = { done, total };
              tell("progress", done, total);
            },
            onResumeFrom: (done, total) => {
              last = { done, total };
              tell("resumed", done, total);
            },
            onPaused: () => tell("paused", last.done, last.total),
          },
        });
        setSent((s) => [...s, { id, name: file.name }]);
        setProgress(null);
        setStatus({ text: u("ready"), error: false });
      } catch (error) {
        if (controller.signal.aborted) return;
        setProgress(null);
        if (error instanceof Error && error.name === "ResumableRefused") return setStatus({ text: messageOf(u, (error as Error & { body?: unknown }).body), error: true });
        setFailed({ files: files.slice(i), keepLocation });
        return setStatus({ text: t("offline"), error: true });
      }
    }
  };

  const onChange = async (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []).slice(0, Math.max(0, max - sent.length));
    input.value = "";
    if (files.length === 0) return setStatus({ text: u("errors.tooMany", { max }), error: true });
    const keepLocation = (input.form?.elements.namedItem("sharePhotoLocation") as HTMLInputElement | null)?.checked === true;
    await send(files, keepLocation);
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
      {progress ? <progress max={100} value={progress.percent} aria-label={r("progressLabel", { name: progress.name })} className="h-2 w-full max-w-xl" /> : null}
      <p id="photos-status" role="status" className={status?.error ? "font-semibold text-danger" : "text-muted"}>
        {status?.text}
      </p>
      {failed ? (
        <button type="button" onClick={() => void send(failed.files, failed.keepLocation)} className="min-h-11 self-start border-2 border-ink px-3 font-semibold">
          {r("retry")}
        </button>
      ) : null}
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
