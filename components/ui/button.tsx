import Link from "next/link";
import type { ComponentProps } from "react";

type Variant = "primary" | "secondary" | "warning" | "quiet";

const base =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-sm px-5 py-2 text-base font-semibold no-underline shadow-[0_2px_0] disabled:opacity-60";
const variants: Record<Variant, string> = {
  primary: "bg-brand text-white shadow-brand-dark hover:bg-brand-dark",
  secondary: "bg-canvas text-ink shadow-line hover:bg-line/50",
  warning: "bg-danger text-white shadow-ink hover:bg-[#8f1e18]",
  quiet: "bg-transparent text-link underline shadow-none px-2",
};

export function buttonClass(variant: Variant = "primary", extra = ""): string {
  return `${base} ${variants[variant]} ${extra}`.trim();
}

export function Button({ variant = "primary", className = "", type = "submit", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}

/** A link that looks like a button: for "Start now" and similar navigations (no form involved). */
export function LinkButton({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  // No prefetch unless asked: on a metered phone, bytes nobody asked for are money.
  return <Link prefetch={false} className={buttonClass(variant, className)} {...props} />;
}
