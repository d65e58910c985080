export function SkipLink({ href = "#main", children }: { href?: string; children: React.ReactNode }) {
  return (
    <a
      href={href}
      className="skip-link sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:block focus:bg-focus focus:px-4 focus:py-3 focus:text-ink"
    >
      {children}
    </a>
  );
}
