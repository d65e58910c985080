"use client";
import { useEffect } from "react";
import { browserOutbox, outboxAvailable } from "@/lib/outbox/client/browser";

/**
 * On the confirmation of a sent case: the draft of its form on this phone is done with. Left
 * there, the form would open filled with what was just sent, and sending it again would file a
 * second case. Forms keep their draft under their kind's name (see useOutboxForm's `formId`).
 */
export function SentDraftCleared({ userId, kind, locale }: { userId: string; kind: string; locale: string }) {
  useEffect(() => {
    if (!outboxAvailable()) return;
    void browserOutbox(locale)
      .then((outbox) => outbox.clearDraft(userId, kind))
      .catch(() => undefined);
  }, [userId, kind, locale]);
  return null;
}
