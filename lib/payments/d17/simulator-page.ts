import type { PaymentRequest } from "./contract";
import type { Wallet } from "./simulator";

/**
 * The simulator's "D17 app": what the payer sees on their phone. Plain HTML forms, French with
 * Arabic, marked clearly as a simulator so that nobody mistakes it for La Poste's app.
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function money(millimes: number): string {
  return `${Math.trunc(millimes / 1000)},${String(millimes % 1000).padStart(3, "0")} DT`;
}

const outcomes: Record<string, string> = {
  paid: "Paiement approuvé. · تمت الموافقة على الدفع.",
  declined: "Paiement refusé. · تم رفض الدفع.",
  wrongCode: "Code D17 incorrect. · رمز D17 غير صحيح.",
  notPending: "Cette demande n'est plus en attente. · هذا الطلب لم يعد في الانتظار.",
  notFound: "Demande introuvable. · الطلب غير موجود.",
};

export function renderPayerApp(opts: { phone: string; wallet: Wallet | undefined; pending: PaymentRequest[]; outcome: string | null }): string {
  const { phone, wallet, pending, outcome } = opts;
  const message = outcome ? outcomes[outcome] : undefined;
  const body = !wallet
    ? `<form method="get" action="/app">
        <label for="phone">Numéro de téléphone D17 <span lang="ar" dir="rtl">· رقم الهاتف D17</span></label>
        <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" value="${esc(phone)}" required>
        ${phone ? `<p class="error" role="alert">Aucun compte D17 pour ce numéro. <span lang="ar" dir="rtl">· لا يوجد حساب D17 لهذا الرقم.</span></p>` : ""}
        <button type="submit">Ouvrir <span lang="ar" dir="rtl">· فتح</span></button>
      </form>`
    : `<p>Compte <span lang="ar" dir="rtl">· الحساب</span> : <strong>${esc(wallet.name)}</strong> — <bdi>${esc(wallet.phone)}</bdi></p>
       <p>Solde <span lang="ar" dir="rtl">· الرصيد</span> : <strong data-testid="balance">${money(wallet.balance)}</strong></p>
       <h2>Demandes de paiement <span lang="ar" dir="rtl">· طلبات الدفع</span></h2>
       ${
         pending.length === 0
           ? `<p>Aucune demande en attente. <span lang="ar" dir="rtl">· لا توجد طلبات في الانتظار.</span></p>`
           : pending
               .map(
                 (r) => `<section class="request" aria-labelledby="h-${esc(r.id)}">
          <h3 id="h-${esc(r.id)}">Idarti — ${esc(r.description)}</h3>
          <p>Montant <span lang="ar" dir="rtl">· المبلغ</span> : <strong>${money(r.amount)}</strong> · Réf. <bdi>${esc(r.merchantReference)}</bdi></p>
          <form method="post" action="/app/requests/${encodeURIComponent(r.id)}">
            <input type="hidden" name="phone" value="${esc(wallet.phone)}">
            <label for="code-${esc(r.id)}">Code D17 <span lang="ar" dir="rtl">· رمز D17</span></label>
            <input id="code-${esc(r.id)}" name="code" type="password" inputmode="numeric" autocomplete="off" required>
            <div class="actions">
              <button type="submit" name="decision" value="approve">Approuver <span lang="ar" dir="rtl">· موافقة</span></button>
              <button type="submit" name="decision" value="refuse" class="secondary">Refuser <span lang="ar" dir="rtl">· رفض</span></button>
            </div>
          </form>
        </section>`,
               )
               .join("")
       }
       <p><a href="/app?phone=${encodeURIComponent(wallet.phone)}">Actualiser <span lang="ar" dir="rtl">· تحديث</span></a></p>`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>D17 — simulateur</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f3f2f1;color:#0b0c0c}
header{background:#00539f;color:#fff;padding:12px 16px}
main{max-width:34rem;margin:0 auto;padding:16px}
label{display:block;font-weight:600;margin-top:12px}
input{font-size:1.1rem;min-height:44px;width:100%;box-sizing:border-box;border:2px solid #0b0c0c;padding:4px 8px}
button{font-size:1rem;min-height:44px;margin-top:12px;padding:8px 16px;background:#00703c;color:#fff;border:0;font-weight:600}
button.secondary{background:#d4351c}
.actions{display:flex;gap:12px;flex-wrap:wrap}
.request{background:#fff;border:2px solid #b1b4b6;padding:12px;margin:12px 0}
.notice{border:4px solid #1d70b8;background:#fff;padding:8px 12px}
.error{color:#d4351c;font-weight:600}
a{color:#1d70b8;display:inline-block;min-height:44px;padding-top:10px}
</style></head>
<body><header><strong>D17</strong> — simulateur de l'application (démonstration) <span lang="ar" dir="rtl">· محاكي تطبيق D17</span></header>
<main><h1>Mon D17 <span lang="ar" dir="rtl">· حسابي D17</span></h1>
${message ? `<p class="notice" role="status">${esc(message)}</p>` : ""}
${body}
</main></body></html>`;
}
