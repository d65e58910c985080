"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { Question } from "@/lib/learning/lessons";
import { readProgress, recordScore, writeProgress } from "@/lib/learning/progress";
import { sendScore } from "@/lib/learning/progress-sync";
import { Button } from "@/components/ui/button";

/**
 * A lesson's questions. Without JavaScript it is a GET form to the lesson's answers page, which
 * renders this same component with the answers from the address (`checked`). With JavaScript
 * each choice shows its feedback at once and the score is kept on the device.
 */
export function LessonQuiz({ slug, action, questions, initial, checked = false }: { slug: string; action: string; questions: Question[]; initial?: (number | null)[]; checked?: boolean }) {
  const t = useTranslations("LessonQuiz");
  const [answers, setAnswers] = useState<(number | null)[]>(() => initial ?? questions.map(() => null));
  const [shown, setShown] = useState<boolean[]>(() => questions.map((_, i) => checked || (initial?.[i] ?? null) !== null));
  const right = answers.filter((a, i) => a !== null && questions[i]!.choices[a]?.correct).length;
  const allShown = shown.every(Boolean);

  function remember(next: (number | null)[]) {
    if (next.some((a) => a === null)) return;
    const score = next.filter((a, i) => questions[i]!.choices[a!]?.correct).length;
    writeProgress(recordScore(readProgress(), slug, score, questions.length));
    sendScore(slug, score, questions.length);
  }

  function choose(i: number, j: number) {
    const next = answers.map((a, k) => (k === i ? j : a));
    setAnswers(next);
    setShown((s) => s.map((v, k) => v || k === i));
    remember(next);
  }

  function check(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setShown(questions.map(() => true));
  }

  return (
    <form method="get" action={action} onSubmit={check} className="flex max-w-3xl flex-col gap-6">
      {questions.map((q, i) => {
        const a = answers[i] ?? null;
        const chosen = a === null ? null : q.choices[a];
        return (
          <fieldset key={i} className="rounded-sm border-2 border-line p-4">
            <legend className="px-1 text-lg font-bold">
              <span className="sr-only">{t("question", { n: i + 1 })} — </span>
              {q.prompt}
            </legend>
            <div className="flex flex-col gap-2">
              {q.choices.map((c, j) => (
                <label key={j} className="flex min-h-11 cursor-pointer items-center gap-3">
                  <input type="radio" name={`q${i}`} value={j} checked={a === j} onChange={() => choose(i, j)} className="size-6 shrink-0" />
                  <span>{c.text}</span>
                </label>
              ))}
            </div>
            <div aria-live="polite" data-testid={`feedback-${i}`}>
              {shown[i] &&
                (chosen ? (
                  <p className={`mt-3 border-s-8 p-3 ${chosen.correct ? "border-brand bg-[#e3efe9]" : "border-danger bg-[#fbe9e7]"}`}>
                    <strong>{chosen.correct ? t("right") : t("wrong")}</strong> {chosen.feedback}
                  </p>
                ) : (
                  <p className="mt-3 border-s-8 border-line p-3">{t("unanswered")}</p>
                ))}
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button>{t("check")}</Button>
      </div>
      <div aria-live="polite">
        {allShown && (
          <p className="text-lg font-bold">
            {t("score", { right, questions: questions.length })} {right === questions.length && t("done")}
          </p>
        )}
      </div>
    </form>
  );
}
