"use client";

import { useEffect } from "react";
import { mergeWithAccount } from "@/lib/learning/progress-sync";

/** On signed-in pages: merges this device's lesson progress with the account's, once per sign-in. */
export function LessonProgressSync({ userId }: { userId: string }) {
  useEffect(() => {
    void mergeWithAccount(userId);
  }, [userId]);
  return null;
}
