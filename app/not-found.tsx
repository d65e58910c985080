import Link from "next/link";
import "./globals.css";

// Reached only outside the locale prefixes (the proxy adds one to nearly everything), so it
// speaks Arabic and French, the two languages of the administration, and links to both homes.
export default function RootNotFound() {
  return (
    <html lang="ar-TN" dir="rtl">
      <body className="p-8">
        <main id="main">
          <h1 className="mb-4 text-3xl font-bold">الصفحة غير موجودة</h1>
          <p className="mb-4">
            <Link prefetch={false} className="link" href="/ar">الذهاب إلى الصفحة الرئيسية</Link>
          </p>
          <p lang="fr-TN" dir="ltr">
            Page introuvable — <Link prefetch={false} className="link" href="/fr">aller à l&apos;accueil</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
