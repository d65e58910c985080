"use client";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { unfinishedUploads } from "@/lib/documents/uploads/client/unfinished";
import { announcer, refusalOf } from "@/lib/documents/uploads/client/progress";
import { buttonClass } from "@/components/ui/button";

/**
 * The ONE way a file goes up on a weak network (ADR 0020): in pieces with the tus protocol
 * (lib/documents/uploads/client/resumable.ts, tus-js-client fetched when a file is chosen), under
 * the form's draft key — and, for a scanned submission, as the listed document it is for (`slot`).
 * A cut pauses it and it goes on by itself when the network is back; after a reload the page says
 * which file was left unfinished, and choosing it again continues from the byte the server has.
 * Progress is told in words each tenth (a screen reader is not flooded), with a progress bar.
 * The server checks the finished file as any upload (acceptUpload) and keeps it as the form's.
 *
 * Used by the report's photos, the kit's file field (components/forms/fields.tsx FileInput) and
 * the pages made one PDF (components/uploads/scan-pages.tsx). Without JavaScript none of this
 * runs: the plain file input goes with the form's post, as before.
 */
export type UploadTarget = {
  /** The form the file is for (its idempotency key); the server lists the form's files by it. */
  draftKey: string;
  /** Names the unfinished files of this person on this device. */
  userId: string;
  /** Bytes per piece (UPLOAD_CHUNK_BYTES). */
  chunkBytes: number;
};

export type SentFile = { id: string; name: string };
type Status = { text: string; error: boolean } | null;
type SendOptions = {
  keepLocation?: boolean;
  /** Made smaller first (a photo): the bytes that go, named as the file. */
  prepare?: (file: File) => Promise<Blob>;
};

export function useResumableUpload({
  target,
  slot,
  statusId,
  photos = false,
  offline,
}: {
  /** Null: the form takes its files with its post (nothing is sent from here). */
  target: UploadTarget | null;
  slot?: string;
  statusId: string;
  /** Words for photos ("choose the same photo"). */
  photos?: boolean;
  /** What a failure for want of network means on this form (the report can go without its photo). */
  offline?: string;
}) {
  const u = useTranslations("Uploads") as unknown as ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };
  const r = useTranslations("ResumableUpload");
  const [status, setStatus] = useState<Status>(null);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [failed, setFailed] = useState<{ files: File[]; options: SendOptions } | null>(null);
  const [sent, setSent] = useState<SentFile[]>([]);
  const sending = useRef<AbortController | null>(null);
  /** The files on their way: a send of the form waits for them (useHoldSubmit). */
  const inFlight = useRef<Promise<boolean> | null>(null);

  // After a reload: which file of this field was left unfinished (read once the page runs: Local Storage).
  useEffect(() => {
    if (!target) return;
    const names = unfinishedUploads(target.userId, slot ?? null);
    if (names.length) setStatus({ text: r(photos ? "unfinished" : "unfinishedFile", { name: names[0]! }), error: false });
    // once, when the field appears
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => () => sending.current?.abort(), []);

  const run = async (files: File[], options: SendOptions, controller: AbortController): Promise<boolean> => {
    if (!target) return false;
    for (const [i, file] of files.entries()) {
      setStatus({ text: r("preparing", { name: file.name }), error: false });
      const keepLocation = options.keepLocation === true;
      const blob = options.prepare ? await options.prepare(file) : file;
      const tell = announcer();
      let last = { done: 0, total: blob.size };
      const say = (event: "progress" | "resumed" | "paused", done: number, total: number) => {
        const { percent, speak } = tell(event, done, total);
        setProgress({ name: file.name, percent });
        if (speak) setStatus({ text: r(event, { name: file.name, percent }), error: false });
      };
      try {
        const { sendResumable } = await import("@/lib/documents/uploads/client/resumable");
        const id = await sendResumable({
          file: blob,
          name: file.name,
          userId: target.userId,
          draftKey: target.draftKey,
          keepLocation,
          slot,
          chunkBytes: target.chunkBytes,
          signal: controller.signal,
          events: {
            onProgress: (done, total) => {
              last = { done, total };
              say("progress", done, total);
            },
            onResumeFrom: (done, total) => {
              last = { done, total };
              say("resumed", done, total);
            },
            onPaused: () => say("paused", last.done, last.total),
          },
        });
        setSent((s) => [...s, { id, name: file.name }]);
        setProgress(null);
        setStatus({ text: photos ? u("ready") : r("sent", { name: file.name }), error: false });
      } catch (error) {
        if (controller.signal.aborted) return false;
        setProgress(null);
        if (error instanceof Error && error.name === "ResumableRefused") {
          const refusal = refusalOf((error as Error & { body?: unknown }).body);
          setStatus({ text: u.has(refusal.key) ? u(refusal.key, refusal.values) : u("errors.damaged"), error: true });
          return false;
        }
        setFailed({ files: files.slice(i), options });
        setStatus({ text: offline ?? r("offline"), error: true });
        return false;
      }
    }
    return true;
  };

  /** Sends the files one after the other; true once all have arrived and been accepted. */
  const send = useCallback(
    (files: File[], options: SendOptions = {}): Promise<boolean> => {
      sending.current?.abort();
      const controller = new AbortController();
      sending.current = controller;
      setFailed(null);
      const going = run(files, options, controller).finally(() => {
        if (inFlight.current === going) inFlight.current = null;
      });
      inFlight.current = going;
      return going;
    },
    // run reads the latest target and words through this render's closure
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [target?.draftKey, target?.userId, target?.chunkBytes, slot],
  );

  const view: ReactNode = (
    <>
      {progress ? <progress max={100} value={progress.percent} aria-label={r("progressLabel", { name: progress.name })} className="h-2 w-full max-w-xl" /> : null}
      <p id={statusId} role="status" className={status?.error ? "font-semibold text-danger" : "text-muted"}>
        {status?.text}
      </p>
      {failed ? (
        <button type="button" onClick={() => void send(failed.files, failed.options)} className={buttonClass("secondary", "self-start")}>
          {r("retry")}
        </button>
      ) : null}
    </>
  );

  return { send, sent, view, inFlight, say: (text: string, error = false) => setStatus({ text, error }) };
}

/**
 * A send of the form while files are still going up waits for them, then goes by itself (the
 * button pressed kept); a refused or failed file stops it, its message on the field. `hold`
 * returns null when nothing is to wait for, or the promise to wait for (true: send the form).
 */
export function useHoldSubmit(inputId: string, hold: () => Promise<boolean> | null, onWait: () => void) {
  const latest = useRef({ hold, onWait });
  latest.current = { hold, onWait };
  useEffect(() => {
    const form = (document.getElementById(inputId) as HTMLInputElement | null)?.form;
    if (!form) return;
    const listener = (event: SubmitEvent) => {
      const waiting = latest.current.hold();
      if (!waiting) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      latest.current.onWait();
      const submitter = event.submitter;
      void waiting.then((go) => {
        if (go) form.requestSubmit(submitter);
      });
    };
    form.addEventListener("submit", listener, { capture: true });
    return () => form.removeEventListener("submit", listener, { capture: true });
  }, [inputId]);
}
