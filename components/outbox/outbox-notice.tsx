"use client";
import type { OutboxFormStatus } from "./use-outbox-form";

export type OutboxNoticeLabels = {
  queuedTitle: string;
  queuedBody: string;
  /** At a self-service corner nothing waits for later (lib/kiosk): the same moment in its words. */
  queuedKioskTitle: string;
  queuedKioskBody: string;
  unsentLink: string;
  unsentHref: string;
  sentTitle: string;
  sentBody: string;
  openCase: string;
  refusedTitle: string;
};

/**
 * What happened to a submission, in plain words. A live region, so a screen reader hears it when
 * the phone gets the network back and the reference arrives.
 */
export function OutboxNotice({ status, labels }: { status: OutboxFormStatus; labels: OutboxNoticeLabels }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {status.state === "queued" ? (
        <div className="mb-6 border-4 border-warning" data-outbox="queued">
          <p className="bg-warning px-4 py-1 font-semibold text-white">{atCorner() ? labels.queuedKioskTitle : labels.queuedTitle}</p>
          <div className="p-4">
            <p className="mb-2">{atCorner() ? labels.queuedKioskBody : labels.queuedBody}</p>
            <a className="link" href={labels.unsentHref}>
              {labels.unsentLink}
            </a>
          </div>
        </div>
      ) : null}
      {status.state === "sent" ? (
        <div className="mb-6 border-4 border-success" data-outbox="sent">
          <p className="bg-success px-4 py-1 font-semibold text-white">{labels.sentTitle}</p>
          <div className="p-4">
            <p className="mb-2">
              {labels.sentBody}{" "}
              <strong className="text-xl">
                <bdi dir="ltr">{status.reference}</bdi>
              </strong>
            </p>
            <a className="link" href={status.url}>
              {labels.openCase}
            </a>
          </div>
        </div>
      ) : null}
      {status.state === "refused" ? (
        <div className="mb-6 border-4 border-danger p-4" data-outbox="refused">
          <p className="font-semibold">{labels.refusedTitle}</p>
          <p>{status.message}</p>
        </div>
      ) : null}
    </div>
  );
}

/** A browser enrolled as a self-service corner (its boot script marks the page). Only read after a send, in the browser. */
function atCorner(): boolean {
  return typeof document !== "undefined" && document.documentElement.dataset.kiosk === "1";
}
