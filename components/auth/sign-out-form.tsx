"use client";

import { useRef, useState, type FormEvent } from "react";
import { signOutAction, signOutEverywhereAction } from "@/lib/auth/actions";
import { browserOutbox, outboxAvailable } from "@/lib/outbox/client/browser";
import { removePersonalData } from "@/lib/outbox/client/personal-data";

export type SignOutLabels = { signOut: string; unsentTitle: string; unsentText: string; sendNow: string; keep: string; delete: string; cancel: string; sending: string; failed: string };

/**
 * Sign out, and leave nothing of the person on this device (docs/adr/0016). When something they
 * sent offline is still waiting, they choose first: send it now, keep it on this phone (for their
 * next sign-in: no other account ever sees or sends it), or delete it. Without JavaScript the
 * plain form signs out (there is no outbox without JavaScript).
 */
export function SignOutForm({
  locale,
  userId,
  className,
  labels,
  everywhere = false,
  hint,
}: {
  locale: string;
  userId: string;
  className: string;
  labels: SignOutLabels;
  /** "Sign out of every device": this device is wiped the same way. */
  everywhere?: boolean;
  hint?: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ready = useRef(false);
  const [status, setStatus] = useState<"" | "sending" | "failed">("");

  const finish = async (keepItems: boolean) => {
    await removePersonalData({ userId, keepItems });
    dialogRef.current?.close();
    ready.current = true;
    formRef.current?.requestSubmit();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    if (ready.current) return; // the wipe is done: let the server action run
    event.preventDefault();
    let waiting = 0;
    if (outboxAvailable()) {
      try {
        waiting = (await (await browserOutbox(locale)).list(userId)).length;
      } catch {
        waiting = 0;
      }
    }
    if (waiting === 0) return finish(false);
    setStatus("");
    dialogRef.current?.showModal();
  };

  const sendNow = async () => {
    setStatus("sending");
    try {
      const outbox = await browserOutbox(locale);
      await outbox.flush({ userId });
      if ((await outbox.list(userId)).length === 0) return finish(false);
    } catch {
      // fall through: say it did not go
    }
    setStatus("failed");
  };

  const button = "inline-flex min-h-11 items-center justify-center rounded-sm px-4 font-semibold";
  return (
    <>
      <form ref={formRef} action={everywhere ? signOutEverywhereAction : signOutAction} onSubmit={onSubmit}>
        <input type="hidden" name="locale" value={locale} />
        {hint ? <p className="mb-2 text-muted">{hint}</p> : null}
        <button type="submit" className={className}>
          {labels.signOut}
        </button>
      </form>
      <dialog ref={dialogRef} aria-labelledby={`sign-out-unsent-${everywhere ? "all" : "here"}`} className="m-auto max-w-lg border-4 border-ink bg-white p-6 text-ink backdrop:bg-ink/70">
        <h2 id={`sign-out-unsent-${everywhere ? "all" : "here"}`} className="mb-3 text-2xl font-bold">
          {labels.unsentTitle}
        </h2>
        <p className="mb-4">{labels.unsentText}</p>
        <p role="status" className="mb-4 font-semibold">
          {status === "sending" ? labels.sending : status === "failed" ? labels.failed : ""}
        </p>
        <div className="flex flex-wrap gap-3">
          <button type="button" className={`${button} bg-brand text-white`} onClick={() => void sendNow()} disabled={status === "sending"}>
            {labels.sendNow}
          </button>
          <button type="button" className={`${button} border-2 border-ink`} onClick={() => void finish(true)}>
            {labels.keep}
          </button>
          <button type="button" className={`${button} border-2 border-danger text-danger`} onClick={() => void finish(false)}>
            {labels.delete}
          </button>
          <button type="button" className={`${button} text-link underline`} onClick={() => dialogRef.current?.close()}>
            {labels.cancel}
          </button>
        </div>
      </dialog>
    </>
  );
}
