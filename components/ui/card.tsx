import Link from "next/link";
import type { ReactNode } from "react";

/** A card whose whole surface is one link (the heading's), for lists of tasks and services. */
export function Card({ href, title, children, headingLevel = 3 }: { href?: string; title: ReactNode; children?: ReactNode; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="relative flex h-full flex-col gap-1 border-2 border-line bg-white p-4 focus-within:border-ink hover:border-ink">
      <H className="text-lg font-bold">
        {href ? (
          <Link prefetch={false} href={href} className="link after:absolute after:inset-0">
            {title}
          </Link>
        ) : (
          title
        )}
      </H>
      {children ? <div className="text-muted">{children}</div> : null}
    </div>
  );
}
