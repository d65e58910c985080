"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * The volunteer's session page follows the citizen's step: it asks the server again every few
 * seconds (a server render, nothing of the citizen kept in the browser). Without JavaScript the
 * page is reloaded by hand; the words say it updates by itself only when this runs.
 */
export function FollowRefresh({ seconds, text }: { seconds: number; text: string }) {
  const router = useRouter();
  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => window.clearInterval(id);
  }, [router, seconds]);
  return <p className="mb-4 text-sm text-muted">{text}</p>;
}
