"use client";

import { useEffect, useState } from "react";

/**
 * "Print this list". Hidden until JavaScript runs (a button that does nothing would be a lie);
 * without JavaScript the page says to use the browser's Print command instead. Rendered hidden on
 * the server so that a lean page (docs/adr/0021) has it too: /enhance/print.js shows it there.
 */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <button
      type="button"
      hidden={!ready}
      data-enhance="print"
      onClick={() => window.print()}
      className="no-print inline-flex min-h-11 items-center justify-center gap-2 rounded-sm bg-brand px-5 py-2 font-semibold text-white shadow-[0_2px_0] shadow-brand-dark hover:bg-brand-dark"
    >
      {label}
    </button>
  );
}
