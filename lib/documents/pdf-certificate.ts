import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { renderSignedPdf, type SignedPdfInput } from "./pdf";
import { certificateFromP12, certificateFromPem, demoCertificate, signPdf, type PdfCertificate } from "./pdf-signature";

let cached: PdfCertificate | undefined;

/**
 * The certificate that signs issued PDFs: DOCUMENT_PDF_P12 (base64, or a path to the .p12) with
 * its passphrase, or DOCUMENT_PDF_CERT_PEM + DOCUMENT_PDF_KEY_PEM; otherwise (development, demo —
 * lib/env refuses production without one) a self-signed one made at first use in DOCUMENT_KEYS_DIR.
 */
export function pdfCertificate(): PdfCertificate {
  if (cached) return cached;
  const e = env();
  if (e.DOCUMENT_PDF_P12) {
    const v = e.DOCUMENT_PDF_P12.trim();
    const asFile = /^[./]/.test(v) || v.endsWith(".p12") || v.endsWith(".pfx");
    cached = certificateFromP12(asFile && existsSync(v) ? readFileSync(v) : Buffer.from(v, "base64"), e.DOCUMENT_PDF_P12_PASSPHRASE);
  } else if (e.DOCUMENT_PDF_CERT_PEM && e.DOCUMENT_PDF_KEY_PEM) {
    cached = certificateFromPem(e.DOCUMENT_PDF_CERT_PEM.replace(/\\n/g, "\n"), e.DOCUMENT_PDF_KEY_PEM.replace(/\\n/g, "\n"));
  } else {
    cached = demoCertificate(path.resolve(e.DOCUMENT_KEYS_DIR));
  }
  return cached;
}

/** Metadata of the signature (not shown as page text): ASCII, one wording for every language. */
const REASON = "Issued and signed by Idarti";

/**
 * The one call every issued PDF goes through (payment receipts today; certificates and
 * submission receipts the same way): rendered, then signed with the platform's certificate.
 */
export async function issuedPdf(input: SignedPdfInput, opts: { signingTime: Date }): Promise<Buffer> {
  return signPdf(await renderSignedPdf(input), pdfCertificate(), { reason: REASON, location: "Tunisia", signingTime: opts.signingTime });
}
