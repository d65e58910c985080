import "server-only";
import { env } from "@/lib/env";
import type { Policy } from "./rules";

export function policy(): Policy {
  const e = env();
  return {
    changeCutoffMinutes: e.INTERVIEW_CHANGE_CUTOFF_MINUTES,
    roomMarginMinutes: e.INTERVIEW_ROOM_MARGIN_MINUTES,
    noShowAfterMinutes: e.INTERVIEW_NO_SHOW_AFTER_MINUTES,
  };
}
