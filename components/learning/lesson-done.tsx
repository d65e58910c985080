"use client";

import { useEffect, useState } from "react";
import { isDone, readProgress } from "@/lib/learning/progress";

/** "Done" beside a lesson whose questions were all answered right on this device. */
export function LessonDone({ slug, label }: { slug: string; label: string }) {
  const [done, setDone] = useState(false);
  useEffect(() => setDone(isDone(readProgress(), slug)), [slug]);
  if (!done) return null;
  return <span className="ms-2 inline-block rounded-sm bg-brand px-2 text-sm font-bold text-white">✓ {label}</span>;
}
