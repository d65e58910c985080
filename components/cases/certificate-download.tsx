import { getTranslations } from "next-intl/server";
import type { CaseView } from "@/lib/cases/read";
import type { Locale } from "@/lib/i18n/routing";
import { certificateCode } from "@/lib/documents/certificate-access";
import { localePath } from "@/lib/i18n/routing";
import { buttonClass } from "@/components/ui/button";
import { Ltr } from "@/components/ui/user-text";

/**
 * An administrative certificate's outcome on its case page: the signed PDF once issued (a plain
 * link: downloads and prints at a self-service corner as well), the revocation said plainly.
 */
export async function CertificateDownload({ caseView, locale }: { caseView: CaseView; locale: Locale }) {
  if (caseView.row.kind !== "certificate-request") return null;
  const t = await getTranslations({ locale, namespace: "CertificateRequest" });
  if (caseView.row.status === "revoked")
    return (
      <p className="mb-8 border-s-4 border-danger ps-3 font-semibold" role="note">
        {t("revokedNotice")}
      </p>
    );
  if (caseView.row.status !== "issued") return null;
  const code = await certificateCode(caseView.row.id);
  if (!code) return null;
  return (
    <div className="mb-8">
      <p className="mb-4">
        <a className={buttonClass("primary")} href={`/api/certificates/${encodeURIComponent(caseView.row.reference)}`} download>
          {t("download")}
        </a>
      </p>
      <p>
        {t("codeLabel")}{" "}
        <a className="link font-mono font-semibold" href={localePath(locale, `/verify/${code}`)} data-certificate-code={code}>
          <Ltr>{code}</Ltr>
        </a>
      </p>
    </div>
  );
}
