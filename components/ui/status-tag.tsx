import type { ReactNode } from "react";

export type TagTone = "grey" | "blue" | "green" | "yellow" | "red" | "purple";

const tones: Record<TagTone, string> = {
  grey: "bg-[#eeefef] text-[#383f43]",
  blue: "bg-[#d2e2f1] text-[#0c2d4a]",
  green: "bg-[#cce2d8] text-[#005a30]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
  red: "bg-[#f4cdc6] text-[#2a0b06]",
  purple: "bg-[#dbd5e9] text-[#3d2375]",
};

export function StatusTag({ tone = "grey", children }: { tone?: TagTone; children: ReactNode }) {
  return <strong className={`inline-block px-2 py-0.5 text-sm font-semibold ${tones[tone]}`}>{children}</strong>;
}
