import type { TagTone } from "@/components/ui/status-tag";

/** Colours of payment and bill states (the words come from messages). */
export const paymentTone: Record<string, TagTone> = {
  created: "blue",
  pending: "blue",
  paid: "green",
  declined: "red",
  expired: "grey",
  refunded: "purple",
};

export const billTone: Record<string, TagTone> = { unpaid: "yellow", overdue: "red", paid: "green", inProgress: "blue", paidHere: "green" };

export const billerKeys = ["steg", "sonede", "tt"] as const;
export type BillerKey = (typeof billerKeys)[number];
export function isBillerKey(v: string): v is BillerKey {
  return (billerKeys as readonly string[]).includes(v);
}
