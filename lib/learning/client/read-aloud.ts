/**
 * "Read the lesson aloud" with the browser's speech synthesis, in the page's language
 * (components/learning/read-aloud.tsx renders the button hidden). Shown only where the phone has
 * a voice for that language (many have no Arabic voice): no button that cannot work. Called by the
 * React leaf after hydration and, on a lean page (docs/adr/0021), by /enhance/read-aloud.js.
 */
import { readProps } from "@/lib/shell/enhance";

export type ReadAloudProps = { targetId: string; lang: "ar" | "fr" | "en"; labels: { readAloud: string; stopReading: string } };

/** Shows the button when a voice exists and makes it read/stop; returns the cleanup. */
export function enhanceReadAloud(button: HTMLButtonElement): () => void {
  const props = readProps<ReadAloudProps>(button);
  if (!props || typeof window === "undefined" || !("speechSynthesis" in window)) return () => {};
  const synth = window.speechSynthesis;
  const label = button.querySelector<HTMLElement>("[data-label]") ?? button;
  let voice: SpeechSynthesisVoice | null = null;
  let speaking = false;
  const render = () => {
    button.hidden = !voice;
    button.setAttribute("aria-pressed", String(speaking));
    label.textContent = speaking ? props.labels.stopReading : props.labels.readAloud;
  };
  const pick = () => {
    voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(props.lang)) ?? null;
    render();
  };
  const onClick = () => {
    if (!voice) return;
    if (speaking) {
      synth.cancel();
      speaking = false;
      render();
      return;
    }
    const u = new SpeechSynthesisUtterance(document.getElementById(props.targetId)?.innerText ?? "");
    u.voice = voice;
    u.lang = voice.lang;
    u.onend = u.onerror = () => {
      speaking = false;
      render();
    };
    synth.cancel();
    synth.speak(u);
    speaking = true;
    render();
  };
  pick();
  synth.addEventListener("voiceschanged", pick);
  button.addEventListener("click", onClick);
  return () => {
    synth.removeEventListener("voiceschanged", pick);
    button.removeEventListener("click", onClick);
    synth.cancel();
    button.hidden = true;
  };
}
