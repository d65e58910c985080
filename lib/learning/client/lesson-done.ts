/**
 * "Done" beside a lesson whose questions were all answered right on this device
 * (components/learning/lesson-done.tsx renders the badge hidden; progress is in Local Storage).
 */
import { isDone, readProgress } from "@/lib/learning/progress";
import { readProps } from "@/lib/shell/enhance";

export type LessonDoneProps = { slug: string };

/** Shows the badge when this device finished the lesson; returns the cleanup. */
export function enhanceLessonDone(el: HTMLElement): () => void {
  const props = readProps<LessonDoneProps>(el);
  el.hidden = !props || !isDone(readProgress(), props.slug);
  return () => {
    el.hidden = true;
  };
}
