"use client";
import { useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { UPLOAD_LIMITS, acceptAttribute } from "@/lib/documents/uploads/limits";
import { autoRun } from "@/lib/i18n/bidi";
import { FileInput } from "@/components/forms/fields";
import { useFormKit } from "@/components/forms/form-root";
import { UserText } from "@/components/ui/user-text";
import { buttonClass } from "@/components/ui/button";
import { drawAsJpeg } from "./resize";
import { useResumableUpload } from "./use-resumable-upload";
import { move, removeAt } from "./page-order";
import type { PagePart } from "./assemble-pdf";

/**
 * Paper pages photographed one by one (or chosen from the gallery, PDFs too) become ONE file in
 * the form's own file input, so the form's normal post sends it and the server checks it as any
 * upload: one page goes as it is (a photo stays a photo), two or more as one PDF built on the
 * phone. Without JavaScript only the kit's plain file input is there (several files allowed).
 *
 * Each photo is drawn small on the phone (1600 px, ~PAGE_TARGET bytes of JPEG) when it is added;
 * the PDF embeds those JPEGs as they are. pdf-lib is imported only when a page is added.
 */
const PAGE_TARGET = 300 * 1024;

type Page = {
  id: number;
  name: string;
  original: File;
  part: PagePart;
  thumb: string | null;
  pages: number;
  /** The photo as it was, while the page is shown straightened (to go back). */
  plain?: { part: PagePart; thumb: string | null };
};

const isPdf = (f: File) => f.type === "application/pdf" || /\.pdf$/i.test(f.name);
const baseName = (name: string) => name.replace(/\.[^.]+$/, "") || "document";

export function ScanPages({ name, label, hint, alwaysPdf = false }: { name: string; label: ReactNode; hint?: ReactNode; /** One page is sent as a PDF too (a document field). */ alwaysPdf?: boolean }) {
  const t = useTranslations("ScanPages");
  const format = useFormatter();
  const kit = useFormKit();
  const inputId = kit.idOf(name);
  const cameraId = `${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-camera`;
  const [mounted, setMounted] = useState(false);
  const [pages, setPages] = useState<Page[]>([]);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: "", error: false });
  const latest = useRef<Page[]>([]);
  const nextId = useRef(1);
  // Every change (adding, drawing, assembling) runs one after the other; a send waits for them.
  const work = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const focusNext = useRef<string | null>(null);
  const buttons = useRef(new Map<string, HTMLElement>());
  // When the form takes files in pieces (its `uploads`), the one file is sent so at the send of the form.
  const upload = useResumableUpload({ target: kit.uploads, statusId: `${inputId}-upload-status` });
  const sendLater = useRef({ upload, resumable: kit.uploads !== null });
  sendLater.current = { upload, resumable: kit.uploads !== null };

  useEffect(() => setMounted(true), []);

  const size = (bytes: number) => format.number(bytes / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
  const say = (text: string, error = false) => setStatus({ text, error });

  const queue = (task: () => Promise<void>) => {
    pending.current += 1;
    work.current = work.current
      .then(task)
      .catch(() => say(t("failed"), true))
      .finally(() => {
        pending.current -= 1;
      });
    return work.current;
  };

  /** The file the form sends: the list as one file, put into the kit's input; what to tell about it. */
  const place = async (list: Page[]): Promise<{ text: string; error: boolean }> => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    const files = new DataTransfer();
    let sent: File | null = null;
    if (list.length === 1 && (list[0]!.part.kind === "pdf" || !alwaysPdf)) {
      // One page: the chosen PDF as it is, or the photo made smaller (the original when that is not smaller).
      const only = list[0]!;
      sent = only.part.kind === "pdf" || only.part.bytes.byteLength >= only.original.size ? only.original : new File([only.part.bytes as BlobPart], `${baseName(only.name)}.jpg`, { type: "image/jpeg" });
    } else if (list.length > 0) {
      const { assemblePdf } = await import("./assemble-pdf");
      const bytes = await assemblePdf(
        list.map((p) => p.part),
        { title: baseName(list[0]!.name) },
      );
      sent = new File([bytes as BlobPart], `${baseName(list[0]!.name)}.pdf`, { type: "application/pdf" });
    }
    if (sent) files.items.add(sent);
    if (input) input.files = files.files;
    const count = list.reduce((n, p) => n + p.pages, 0);
    if (sent && sent.type === "application/pdf" && sent.size > UPLOAD_LIMITS.maxPdfBytes) return { text: t("tooLarge", { size: size(sent.size), max: size(UPLOAD_LIMITS.maxPdfBytes) }), error: true };
    return { text: t(sent?.type === "application/pdf" ? "readyPdf" : "ready", { count, size: size(sent?.size ?? 0) }), error: false };
  };

  /** The list changed (moved, removed): shown now, the file follows. */
  const update = (list: Page[], text: string) => {
    latest.current = list;
    setPages(list);
    say(text);
    void queue(async () => {
      const ready = await place(list);
      if (latest.current === list) say(`${text} ${ready.text}`, ready.error);
    });
  };

  /** Files from the camera or the gallery: each read (a PDF) or drawn small (a photo), then added at the end. */
  const add = (files: File[]) =>
    queue(async () => {
      say(t("preparing"));
      const added: Page[] = [];
      const unreadable: string[] = [];
      for (const file of files) {
        if (isPdf(file)) {
          const bytes = new Uint8Array(await file.arrayBuffer());
          try {
            const { pdfPageCount } = await import("./assemble-pdf");
            added.push({ id: nextId.current++, name: file.name, original: file, part: { kind: "pdf", bytes }, thumb: null, pages: await pdfPageCount(bytes) });
          } catch {
            unreadable.push(file.name);
          }
          continue;
        }
        const drawn = await drawAsJpeg(file, PAGE_TARGET);
        if (!drawn) {
          unreadable.push(file.name);
          continue;
        }
        const bytes = new Uint8Array(await drawn.blob.arrayBuffer());
        added.push({ id: nextId.current++, name: file.name, original: file, part: { kind: "jpeg", bytes }, thumb: URL.createObjectURL(drawn.blob), pages: 1 });
      }
      const list = [...latest.current, ...added];
      latest.current = list;
      setPages(list);
      const ready = await place(list);
      const first = unreadable.length ? t("unreadable", { name: autoRun(unreadable.join(", ")) }) : t("added", { count: added.length });
      if (latest.current === list) say(`${first} ${ready.text}`, unreadable.length > 0 || ready.error);
    });

  const onPicked = (event: ChangeEvent<HTMLElement>) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
    const files = Array.from(input.files ?? []);
    if (input.id === cameraId) input.value = "";
    if (files.length) void add(files);
    // A picker closed empty: the list is still what is sent.
    else
      void queue(async () => {
        await place(latest.current);
      });
  };

  const onMove = (index: number, by: -1 | 1, action: "up" | "down") => {
    const moved = move(latest.current, index, by);
    if (!moved) return;
    focusNext.current = `${moved.items[moved.to]!.id}-${action}`;
    update(moved.items, t("moved", { n: moved.to + 1, count: moved.items.length }));
  };

  /**
   * A photo at an angle made upright (./straighten.ts): the page's corners found on the phone, the
   * page inside them warped to a rectangle; pressed again, the photo as it was.
   */
  const onStraighten = (index: number) =>
    queue(async () => {
      const page = latest.current[index];
      if (!page || page.part.kind !== "jpeg") return;
      if (page.plain) {
        focusNext.current = `${page.id}-straighten`;
        if (page.thumb) URL.revokeObjectURL(page.thumb);
        const back = latest.current.map((p) => (p === page ? { ...p, part: page.plain!.part, thumb: page.plain!.thumb, plain: undefined } : p));
        return update(back, t("unstraightened", { n: index + 1 }));
      }
      say(t("straightening"));
      const { straightenJpeg } = await import("./straighten");
      const done = await straightenJpeg(page.part.bytes, PAGE_TARGET);
      if (!done) return say(t("noEdges", { n: index + 1 }), true);
      const bytes = new Uint8Array(await done.blob.arrayBuffer());
      const list = latest.current.map((p) => (p === page ? { ...p, part: { kind: "jpeg" as const, bytes }, thumb: URL.createObjectURL(done.blob), plain: { part: page.part, thumb: page.thumb } } : p));
      // The focus stays on the button pressed (drawn again with the new page).
      focusNext.current = `${page.id}-straighten`;
      update(list, t("straightened", { n: index + 1 }));
    });

  const onRemove = (index: number) => {
    const gone = latest.current[index];
    const { items, focus } = removeAt(latest.current, index);
    if (gone?.thumb) URL.revokeObjectURL(gone.thumb);
    if (gone?.plain?.thumb) URL.revokeObjectURL(gone.plain.thumb);
    focusNext.current = focus === null ? "camera" : `${items[focus]!.id}-remove`;
    update(items, t("removed", { count: items.length }));
  };

  // The focus follows the page that moved (or goes to the next one after a removal).
  useEffect(() => {
    const key = focusNext.current;
    if (!key) return;
    focusNext.current = null;
    (key === "camera" ? document.getElementById(cameraId) : buttons.current.get(key))?.focus();
  }, [pages, cameraId]);

  /**
   * When the form takes files in pieces: the file in the input goes up now (a weak network only
   * pauses it), then leaves the input so the post does not carry it again, and the pages are done.
   * True when the form may go.
   */
  const sendPlaced = async (input: HTMLInputElement): Promise<boolean> => {
    const { upload: up, resumable } = sendLater.current;
    if (up.inFlight.current && !(await up.inFlight.current)) return false;
    if (!resumable || !input.files?.length) return true;
    if (!(await up.send(Array.from(input.files)))) return false;
    input.files = new DataTransfer().files;
    latest.current.forEach((p) => [p.thumb, p.plain?.thumb].forEach((url) => url && URL.revokeObjectURL(url)));
    latest.current = [];
    setPages([]);
    say("");
    return true;
  };

  // A send while the pages are being prepared (or sent) waits for them, then goes with the finished file.
  useEffect(() => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    const form = input?.form;
    if (!input || !form) return;
    const hold = (event: SubmitEvent) => {
      const { upload: up, resumable } = sendLater.current;
      if (pending.current === 0 && !up.inFlight.current && !(resumable && input.files?.length)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      say(t("wait"));
      const submitter = event.submitter;
      void work.current.then(() => sendPlaced(input)).then((go) => go && form.requestSubmit(submitter));
    };
    form.addEventListener("submit", hold, { capture: true });
    return () => form.removeEventListener("submit", hold, { capture: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputId]);

  useEffect(() => () => latest.current.forEach((p) => p.thumb && URL.revokeObjectURL(p.thumb)), []);

  const ref = (key: string) => (el: HTMLElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };
  const small = buttonClass("secondary", "min-w-11 px-3");

  return (
    <div className="mb-6" onChange={onPicked}>
      <FileInput name={name} label={label} hint={hint} accept={acceptAttribute} multiple resumable={false} />
      {mounted ? (
        <>
          <div className="-mt-2 mb-4 flex flex-col gap-1">
            <label htmlFor={cameraId} className="block font-semibold">
              {t("camera")}
            </label>
            <div id={`${cameraId}-hint`} className="max-w-2xl text-muted">
              {t("cameraHint")}
            </div>
            <input
              id={cameraId}
              type="file"
              accept="image/*"
              capture="environment"
              aria-describedby={`${cameraId}-hint`}
              className="block min-h-11 max-w-xl text-base file:me-3 file:min-h-11 file:border-2 file:border-ink file:bg-canvas file:px-3"
            />
          </div>
          {pages.length ? (
            <ol aria-label={t("list")} className="mb-2 flex max-w-2xl flex-col gap-2">
              {pages.map((p, i) => (
                <li key={p.id} className="flex flex-wrap items-center gap-3 border-2 border-line p-2">
                  {p.thumb ? (
                    <img src={p.thumb} alt="" width={64} height={64} className="size-16 shrink-0 bg-line/50 object-contain" />
                  ) : (
                    <span aria-hidden="true" className="flex size-16 shrink-0 items-center justify-center bg-line/50 font-bold">
                      PDF
                    </span>
                  )}
                  <span className="min-w-0 grow">
                    <span className="block font-semibold">{t("page", { n: i + 1 })}</span>
                    <UserText className="block break-all text-muted">{p.name}</UserText>
                    {p.part.kind === "pdf" ? <span className="block text-muted">{t("pdfPages", { count: p.pages })}</span> : null}
                  </span>
                  <span className="flex flex-wrap gap-2">
                    <button type="button" ref={ref(`${p.id}-up`)} className={small} aria-disabled={i === 0 || undefined} onClick={() => onMove(i, -1, "up")}>
                      {t("moveUp")}
                      <span className="sr-only"> {t("which", { n: i + 1 })}</span>
                    </button>
                    <button type="button" ref={ref(`${p.id}-down`)} className={small} aria-disabled={i === pages.length - 1 || undefined} onClick={() => onMove(i, 1, "down")}>
                      {t("moveDown")}
                      <span className="sr-only"> {t("which", { n: i + 1 })}</span>
                    </button>
                    {p.part.kind === "jpeg" ? (
                      <button type="button" ref={ref(`${p.id}-straighten`)} className={small} aria-pressed={p.plain ? true : false} onClick={() => void onStraighten(i)}>
                        {t("straighten")}
                        <span className="sr-only"> {t("which", { n: i + 1 })}</span>
                      </button>
                    ) : null}
                    <button type="button" ref={ref(`${p.id}-remove`)} className={small} onClick={() => onRemove(i)}>
                      {t("remove")}
                      <span className="sr-only"> {t("which", { n: i + 1 })}</span>
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
      <p role="status" className={status.error ? "font-semibold text-danger" : "text-muted"}>
        {status.text}
      </p>
      {kit.uploads ? upload.view : null}
    </div>
  );
}
