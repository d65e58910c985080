import type { ReactNode } from "react";

/** Important information (blue) or the outcome of an action (green), with a title for screen readers. */
export function NotificationBanner({ title, tone = "info", children }: { title: string; tone?: "info" | "success" | "warning"; children: ReactNode }) {
  const colours = { info: "border-link", success: "border-success", warning: "border-warning" }[tone];
  const head = { info: "bg-link", success: "bg-success", warning: "bg-warning" }[tone];
  return (
    <div role={tone === "success" ? "status" : "region"} aria-label={title} className={`mb-6 border-4 ${colours}`}>
      <p className={`${head} px-4 py-1 font-semibold text-white`}>{title}</p>
      <div className="p-4">{children}</div>
    </div>
  );
}
