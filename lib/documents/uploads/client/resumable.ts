import { Upload, type DetailedError } from "tus-js-client";
import { FINGERPRINT_PREFIX } from "./unfinished";

/**
 * The phone's half of uploads in pieces (server: ../resumable.ts), with tus-js-client. The file
 * is hashed first: the hash names it (with the signed-in person) in Local Storage, so choosing the
 * same file again — after a reload, or later on the same day — continues from the byte the
 * server has instead of starting over; and the server checks the finished bytes against it.
 * Signing out empties Local Storage (lib/outbox/client/personal-data.ts), these entries with it.
 */
export const RESUMABLE_ENDPOINT = "/api/uploads/resumable";
const UPLOAD_ID_HEADER = "Idarti-Upload-Id";
const DRAFT_KEY_HEADER = "Idarti-Draft-Key";
/** Waits between automatic retries; after the last, the upload waits for the network to come back. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000];

export type ResumableEvents = {
  /** Bytes the server has confirmed, of the total. */
  onProgress(sent: number, total: number): void;
  /** The connection failed; it will be tried again by itself. */
  onPaused(): void;
  /** The server already had `offset` bytes of this file (sent before a cut or a reload). */
  onResumeFrom(offset: number, total: number): void;
};

/** Why an upload stopped for good: the server's answer (its JSON body) when there was one. */
export class ResumableRefused extends Error {
  override name = "ResumableRefused";
  constructor(readonly status: number, readonly body: unknown) {
    super(`upload refused (${status})`);
  }
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The name a file is resumed under: the person, the bytes, and what the server keeps of them —
 * the place (a report's photo) or the listed document it is for (a scanned submission), so the
 * same scan chosen for another document is a new upload, not the first one's continuation.
 */
export function fingerprintOf(userId: string, sha256: string, keepLocation: boolean, slot?: string): string {
  return `${FINGERPRINT_PREFIX}:${userId}:${sha256}:${keepLocation ? "gps" : slot ? `doc-${slot}` : "plain"}`;
}

/**
 * Sends one file in pieces of `chunkBytes` and resolves with the attachment's id once the
 * server has checked it; rejects with ResumableRefused when the server refused it (the body says
 * why, on the field), or with the network error once `signal` aborts.
 */
export async function sendResumable(opts: {
  file: Blob;
  name: string;
  userId: string;
  draftKey: string;
  keepLocation: boolean;
  /** The listed document the file is (a scanned submission's field). */
  slot?: string;
  chunkBytes: number;
  events: ResumableEvents;
  signal?: AbortSignal;
}): Promise<string> {
  const sha256 = await sha256Hex(opts.file);
  const fingerprint = fingerprintOf(opts.userId, sha256, opts.keepLocation, opts.slot);
  return new Promise<string>((resolve, reject) => {
    let waitingForNetwork = false;
    const upload: Upload = new Upload(opts.file, {
      endpoint: RESUMABLE_ENDPOINT,
      chunkSize: opts.chunkBytes,
      retryDelays: RETRY_DELAYS,
      metadata: { filename: opts.name, draftKey: opts.draftKey, keepLocation: String(opts.keepLocation), sha256, ...(opts.slot ? { slot: opts.slot } : {}) },
      // After a reload the form has a new key; the file is for the form that finishes it.
      headers: { [DRAFT_KEY_HEADER]: opts.draftKey },
      fingerprint: async () => fingerprint,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onAfterResponse: (req, res) => {
        const offset = Number(res.getHeader("Upload-Offset"));
        if (req.getMethod() === "HEAD" && res.getStatus() === 200 && offset > 0) opts.events.onResumeFrom(offset, opts.file.size);
      },
      onChunkComplete: (_size, accepted, total) => opts.events.onProgress(accepted, total),
      onShouldRetry: (error: DetailedError, attempt, options) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        const retry = status === 0 || status === 409 || status === 423 || status >= 500;
        if (retry) opts.events.onPaused();
        return retry && attempt < (options.retryDelays?.length ?? 0);
      },
      onSuccess: ({ lastResponse }) => {
        window.removeEventListener("online", again);
        const id = lastResponse.getHeader(UPLOAD_ID_HEADER);
        if (id) resolve(id);
        else reject(new ResumableRefused(lastResponse.getStatus(), null));
      },
      onError: (error) => {
        const response = (error as DetailedError).originalResponse;
        const status = response?.getStatus() ?? 0;
        if (status === 0 || status >= 500) {
          // Still no network after the retries: wait for it (the `online` event), the upload stays where it got to.
          waitingForNetwork = true;
          opts.events.onPaused();
          if (opts.signal?.aborted) reject(error);
          return;
        }
        window.removeEventListener("online", again);
        let body: unknown = null;
        try {
          body = JSON.parse(response?.getBody() ?? "null");
        } catch {
          // Not JSON (a proxy's page): the caller says "damaged, send it again".
        }
        reject(new ResumableRefused(status, body));
      },
    });
    function again() {
      if (!waitingForNetwork) return;
      waitingForNetwork = false;
      upload.start();
    }
    window.addEventListener("online", again);
    opts.signal?.addEventListener("abort", () => {
      window.removeEventListener("online", again);
      void upload.abort();
      reject(new DOMException("aborted", "AbortError"));
    });
    void upload.findPreviousUploads().then((previous) => {
      const latest = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
      if (latest) upload.resumeFromPreviousUpload(latest);
      upload.start();
    });
  });
}
