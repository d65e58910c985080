import QRCode from "qrcode";

/** The verification link a QR carries: no locale, so the reader's browser picks the language. */
export function verificationUrl(appUrl: string, code: string): string {
  return `${appUrl.replace(/\/$/, "")}/verify/${code}`;
}

/** An inline SVG of the QR for web pages (and printing at the kiosk). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 4, color: { dark: "#000000", light: "#ffffff" } });
}
