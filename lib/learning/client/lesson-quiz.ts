/**
 * A lesson's questions on the device (components/learning/lesson-quiz.tsx renders the form on the
 * server: a GET form to the answers page, which works without JavaScript). Here each choice shows
 * its feedback at once, "check" stays on the page, and the score is kept on the device. Called by
 * the React leaf after hydration and, on a lean page (docs/adr/0021), by /enhance/lesson-quiz.js.
 */
import { readProgress, recordScore, writeProgress } from "@/lib/learning/progress";
import { readProps } from "@/lib/shell/enhance";

export type LessonQuizLabels = { right: string; wrong: string; unanswered: string; done: string };

export type LessonQuizProps = {
  slug: string;
  /** Per question, per choice: whether it is right, and what it says once chosen. */
  choices: { correct: boolean; feedback: string }[][];
  labels: LessonQuizLabels;
  /** The score sentence for 0…n right answers, written by the server (the plural rules stay there: Arabic has six forms). */
  scores: string[];
  /** The answers page: every question's feedback is shown from the start. */
  checked: boolean;
};

/** The words of the quiz, written by the server (lesson-body.tsx): "Question n" per question, the button, the feedback, the score for 0…n. */
export type LessonQuizWords = LessonQuizLabels & { check: string; question: string[]; scores: string[] };

/** The feedback box's classes: right, wrong, or no answer chosen (null). */
export function feedbackClass(correct: boolean | null): string {
  if (correct === null) return "mt-3 border-s-8 border-line p-3";
  return correct ? "mt-3 border-s-8 p-3 border-brand bg-[#e3efe9]" : "mt-3 border-s-8 p-3 border-danger bg-[#fbe9e7]";
}
export const SCORE_CLASS = "text-lg font-bold";

/** How many answers are right (null: not answered). */
export function rightCount(choices: LessonQuizProps["choices"], answers: readonly (number | null)[]): number {
  return answers.filter((a, i) => a !== null && choices[i]?.[a]?.correct).length;
}

/** Wires the quiz form; `onScore` hears a finished quiz (the signed-in sync). Returns the cleanup. */
export function enhanceLessonQuiz(form: HTMLFormElement, options: { onScore?: (slug: string, right: number, total: number) => void } = {}): () => void {
  const props = readProps<LessonQuizProps>(form);
  if (!props) return () => {};
  const { slug, choices, labels, scores } = props;
  const n = choices.length;
  const answerOf = (i: number): number | null => {
    const input = form.querySelector<HTMLInputElement>(`input[type="radio"][name="q${i}"]:checked`);
    return input ? Number(input.value) : null;
  };
  const answers = () => choices.map((_, i) => answerOf(i));
  const shown = choices.map((_, i) => props.checked || answerOf(i) !== null);

  const showFeedback = (i: number) => {
    const box = form.querySelector<HTMLElement>(`[data-quiz-feedback="${i}"]`);
    if (!box) return;
    const a = answerOf(i);
    const chosen = a === null ? null : choices[i]?.[a];
    const p = document.createElement("p");
    p.className = feedbackClass(chosen ? chosen.correct : null);
    if (chosen) {
      const strong = document.createElement("strong");
      strong.textContent = chosen.correct ? labels.right : labels.wrong;
      p.append(strong, ` ${chosen.feedback}`);
    } else p.textContent = labels.unanswered;
    box.replaceChildren(p);
  };
  const showScore = () => {
    const box = form.querySelector<HTMLElement>("[data-quiz-score]");
    if (!box || !shown.every(Boolean)) return;
    const right = rightCount(choices, answers());
    const p = document.createElement("p");
    p.className = SCORE_CLASS;
    p.textContent = `${scores[right] ?? ""} ${right === n ? labels.done : ""}`.trim();
    box.replaceChildren(p);
  };

  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const m = /^q(\d+)$/.exec(input.name ?? "");
    if (!m || input.type !== "radio") return;
    const i = Number(m[1]);
    shown[i] = true;
    showFeedback(i);
    showScore();
    const now = answers();
    if (now.some((a) => a === null)) return;
    const right = rightCount(choices, now);
    writeProgress(recordScore(readProgress(), slug, right, n));
    options.onScore?.(slug, right, n);
  };
  const onSubmit = (e: Event) => {
    // With JavaScript, checking stays on the page: every question's feedback, then the score.
    e.preventDefault();
    for (let i = 0; i < n; i++) {
      shown[i] = true;
      showFeedback(i);
    }
    showScore();
  };
  form.addEventListener("change", onChange);
  form.addEventListener("submit", onSubmit);
  return () => {
    form.removeEventListener("change", onChange);
    form.removeEventListener("submit", onSubmit);
  };
}
