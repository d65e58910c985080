"use client";

import { useEffect, useState } from "react";

/**
 * "Print this list". Rendered only once JavaScript runs (a button that does nothing would be a
 * lie); without JavaScript the page says to use the browser's Print command instead.
 */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print inline-flex min-h-11 items-center justify-center gap-2 rounded-sm bg-brand px-5 py-2 font-semibold text-white shadow-[0_2px_0] shadow-brand-dark hover:bg-brand-dark"
    >
      {label}
    </button>
  );
}
