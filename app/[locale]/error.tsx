"use client";

import { useEffect } from "react";
import { useParams } from "next/navigation";

// An error boundary cannot load messages on the server, so its few words travel with it.
const texts = {
  "ar-TN": { title: "عذرًا، حدث خلل", body: "حدث خطأ من جهتنا. ما كتبته لم يضع. أعد المحاولة بعد بضع دقائق.", retry: "أعد المحاولة" },
  "fr-TN": { title: "Désolé, un problème est survenu", body: "Une erreur s'est produite de notre côté. Ce que vous avez saisi n'est pas perdu. Réessayez dans quelques minutes.", retry: "Réessayer" },
  en: { title: "Sorry, there is a problem", body: "Something went wrong on our side. What you typed has not been lost. Try again in a few minutes.", retry: "Try again" },
} as const;

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const params = useParams<{ locale: string }>();
  const t = texts[(params?.locale as keyof typeof texts) ?? "ar-TN"] ?? texts["ar-TN"];
  useEffect(() => {
    // The digest lets support find the server log line; the message itself is never shown.
    console.error("page error", error.digest);
  }, [error]);
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
      <h1 className="mb-4 text-3xl font-bold">{t.title}</h1>
      <p className="mb-6 max-w-2xl">{t.body}</p>
      {error.digest ? <p className="mb-6 text-sm text-muted"><bdi>{error.digest}</bdi></p> : null}
      <button type="button" onClick={reset} className="min-h-11 bg-brand px-5 font-semibold text-white">
        {t.retry}
      </button>
    </main>
  );
}
