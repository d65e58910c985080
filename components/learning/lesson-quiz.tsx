"use client";

import { useEffect, useRef } from "react";
import type { Question } from "@/lib/learning/lessons";
import { enhanceLessonQuiz, feedbackClass, rightCount, SCORE_CLASS, type LessonQuizProps, type LessonQuizWords } from "@/lib/learning/client/lesson-quiz";
import { sendScore } from "@/lib/learning/progress-sync";
import { Button } from "@/components/ui/button";

/**
 * A lesson's questions. Without JavaScript it is a GET form to the lesson's answers page, which
 * renders this same component with the answers from the address (`checked`). With JavaScript
 * each choice shows its feedback at once and the score is kept on the device: one function does
 * it (lib/learning/client/lesson-quiz.ts), called here after hydration and on a lean page
 * (docs/adr/0021) from /enhance/lesson-quiz.js. This leaf only renders the server's markup, with
 * the words the server wrote (no messages provider: a lean page has none).
 */
export function LessonQuiz({ slug, action, questions, initial, checked = false, words }: { slug: string; action: string; questions: Question[]; initial?: (number | null)[]; checked?: boolean; words: LessonQuizWords }) {
  const ref = useRef<HTMLFormElement>(null);
  const choices = questions.map((q) => q.choices.map((c) => ({ correct: c.correct, feedback: c.feedback })));
  const props = JSON.stringify({
    slug,
    choices,
    labels: { right: words.right, wrong: words.wrong, unanswered: words.unanswered, done: words.done },
    scores: words.scores,
    checked,
  } satisfies LessonQuizProps);
  useEffect(() => (ref.current ? enhanceLessonQuiz(ref.current, { onScore: sendScore }) : undefined), [props]);
  const answers = initial ?? questions.map(() => null);
  const shown = questions.map((_, i) => checked || (answers[i] ?? null) !== null);
  const right = rightCount(choices, answers);

  return (
    <form ref={ref} method="get" action={action} data-enhance="lesson-quiz" data-props={props} className="flex max-w-3xl flex-col gap-6">
      {questions.map((q, i) => {
        const a = answers[i] ?? null;
        const chosen = a === null ? null : q.choices[a];
        return (
          <fieldset key={i} className="rounded-sm border-2 border-line p-4">
            <legend className="px-1 text-lg font-bold">
              <span className="sr-only">{words.question[i]} — </span>
              {q.prompt}
            </legend>
            <div className="flex flex-col gap-2">
              {q.choices.map((c, j) => (
                <label key={j} className="flex min-h-11 cursor-pointer items-center gap-3">
                  <input type="radio" name={`q${i}`} value={j} defaultChecked={a === j} className="size-6 shrink-0" />
                  <span>{c.text}</span>
                </label>
              ))}
            </div>
            <div aria-live="polite" data-testid={`feedback-${i}`} data-quiz-feedback={i}>
              {shown[i] &&
                (chosen ? (
                  <p className={feedbackClass(chosen.correct)}>
                    <strong>{chosen.correct ? words.right : words.wrong}</strong> {chosen.feedback}
                  </p>
                ) : (
                  <p className={feedbackClass(null)}>{words.unanswered}</p>
                ))}
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button>{words.check}</Button>
      </div>
      <div aria-live="polite" data-quiz-score="">
        {shown.every(Boolean) && (
          <p className={SCORE_CLASS}>
            {words.scores[right]} {right === questions.length && words.done}
          </p>
        )}
      </div>
    </form>
  );
}
