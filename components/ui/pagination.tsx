import Link from "next/link";

/** Previous / page x of y / next. `hrefFor(n)` builds each page's URL, so it works without JS. */
export function Pagination({ page, total, hrefFor, labels }: {
  page: number;
  total: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: string };
}) {
  if (total <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="mt-8 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link prefetch={false} className="link inline-flex min-h-11 items-center" rel="prev" href={hrefFor(page - 1)}>
          {labels.previous}
        </Link>
      ) : <span />}
      <span>{labels.pageOf}</span>
      {page < total ? (
        <Link prefetch={false} className="link inline-flex min-h-11 items-center" rel="next" href={hrefFor(page + 1)}>
          {labels.next}
        </Link>
      ) : <span />}
    </nav>
  );
}
