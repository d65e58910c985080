"use client";

import { useEffect, useState } from "react";
import { resizePhoto } from "./resize";

/**
 * Enhances a server-rendered file input: a chosen photo is replaced, before the form is sent,
 * by a smaller JPEG made on the phone. Without JavaScript the original goes to the server,
 * which accepts it up to its limit and re-encodes it anyway.
 */
export function PhotoResizer({ inputId, preparing, ready }: { inputId: string; preparing: string; ready: string }) {
  const [status, setStatus] = useState("");
  useEffect(() => {
    const input = document.getElementById(inputId);
    if (!(input instanceof HTMLInputElement) || typeof DataTransfer === "undefined") return;
    const form = input.form;
    let busy = false;
    const onChange = async () => {
      const files = Array.from(input.files ?? []);
      if (files.length === 0 || files.every((f) => !f.type.startsWith("image/"))) return;
      busy = true;
      setStatus(preparing);
      const resized = await Promise.all(files.map((f) => resizePhoto(f)));
      const dt = new DataTransfer();
      resized.forEach((f) => dt.items.add(f));
      input.files = dt.files;
      busy = false;
      setStatus(ready);
    };
    // A send while the photo is still being prepared waits for it.
    const onSubmit = (e: SubmitEvent) => {
      if (!busy) return;
      e.preventDefault();
      const retry = () => (busy ? setTimeout(retry, 100) : form?.requestSubmit(e.submitter as HTMLElement | null));
      retry();
    };
    input.addEventListener("change", onChange);
    form?.addEventListener("submit", onSubmit);
    return () => {
      input.removeEventListener("change", onChange);
      form?.removeEventListener("submit", onSubmit);
    };
  }, [inputId, preparing, ready]);
  return (
    <p aria-live="polite" className="text-muted">
      {status}
    </p>
  );
}
