"use client";
import { useTranslations } from "next-intl";
import { UPLOAD_LIMITS } from "@/lib/documents/uploads/limits";
import { resizePhoto } from "@/components/uploads/resize";
import { useResumableUpload } from "@/components/uploads/use-resumable-upload";

/**
 * Photos of the problem: each is made smaller on the phone (components/uploads/resize), then
 * sent in pieces with the one upload hook (components/uploads/use-resumable-upload.tsx) under the
 * form's key, so a weak network pauses it instead of losing it, and choosing the same photo after
 * a reload continues where it stopped. The server checks the finished file, re-encodes and strips
 * it (keeping only the place when the citizen chose to share it). The form carries the ids back.
 */
type Sent = { id: string; name: string };

export function ReportPhotos({ draftKey, userId, chunkBytes, initial = [] }: { draftKey: string; userId: string; chunkBytes: number; initial?: Sent[] }) {
  const t = useTranslations("MunicipalReport.photos");
  const u = useTranslations("Uploads");
  const max = UPLOAD_LIMITS.maxFiles;
  const maxBytes = UPLOAD_LIMITS.maxImageBytes;
  // Read at first render: this leaf is drawn only once JavaScript runs (report-form's `js`).
  const upload = useResumableUpload({ target: { draftKey, userId, chunkBytes }, statusId: "photos-status", photos: true, offline: t("offline") });
  const sent = [...initial, ...upload.sent];

  const onChange = async (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []).slice(0, Math.max(0, max - sent.length));
    input.value = "";
    if (files.length === 0) return upload.say(u("errors.tooMany", { max }), true);
    const keepLocation = (input.form?.elements.namedItem("sharePhotoLocation") as HTMLInputElement | null)?.checked === true;
    // Resizing on the phone drops the photo's hidden data, its place too: when the citizen chose
    // to share the place, the original goes (within the server's limit) and the server keeps only that.
    await upload.send(files, { keepLocation, prepare: (file) => (keepLocation && file.size <= maxBytes ? Promise.resolve(file) : resizePhoto(file)) });
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
      {upload.view}
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
