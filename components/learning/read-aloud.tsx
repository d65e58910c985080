"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * Reads the lesson with the browser's speech synthesis, in the page's language. Shown only where
 * the phone has a voice for that language (many have no Arabic voice): no button that cannot work.
 */
export function ReadAloud({ targetId, lang }: { targetId: string; lang: "ar" | "fr" | "en" }) {
  const t = useTranslations("LessonQuiz");
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    if (typeof window === "undefined" || !("speechSynthesis" in window)) return;
    const synth = window.speechSynthesis;
    const pick = () => setVoice(synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang)) ?? null);
    pick();
    synth.addEventListener("voiceschanged", pick);
    return () => {
      synth.removeEventListener("voiceschanged", pick);
      synth.cancel();
    };
  }, [lang]);

  if (!voice) return null;

  function toggle() {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const text = document.getElementById(targetId)?.innerText ?? "";
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice!.lang;
    u.onend = u.onerror = () => setSpeaking(false);
    synth.cancel();
    synth.speak(u);
    setSpeaking(true);
  }

  return (
    <button type="button" onClick={toggle} aria-pressed={speaking} className="inline-flex min-h-11 items-center gap-2 rounded-sm bg-canvas px-4 py-2 font-semibold shadow-[0_2px_0] shadow-line">
      <svg aria-hidden width="20" height="20" viewBox="0 0 24 24">
        <path d="M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0014 8v8a4.5 4.5 0 002.5-4z" fill="currentColor" />
      </svg>
      {speaking ? t("stopReading") : t("readAloud")}
    </button>
  );
}
