import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import forge from "node-forge";
import { SignPdf } from "@signpdf/signpdf";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { P12Signer } from "@signpdf/signer-p12";
import { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";

/**
 * The signature inside issued PDFs, the one any PDF reader (Acrobat, poppler's pdfsig) checks:
 * a CMS detached signature (subfilter ETSI.CAdES.detached, PAdES baseline B) by a certificate of
 * the platform, over every byte of the file but the signature itself. The QR is for phones and
 * the offline check; this is for the reader on a desk. See docs/adr/0017.
 *
 * Pure functions here (tests use them with a certificate made on the spot); pdf-certificate.ts
 * picks the configured certificate.
 */
export type PdfCertificate = { p12: Buffer; passphrase: string; subject: string };

/**
 * The passphrase of certificates made here (demo, tests, PEM converted in memory). Not a secret:
 * the demo file's protection is its place (the data directory, mode 0600), and forge cannot read
 * back a PKCS#12 written with an empty passphrase.
 */
const DEMO_PASSPHRASE = "idarti-demo";

/**
 * A self-signed RSA certificate as PKCS#12: demo mode and tests, never production. Names in ASCII:
 * forge writes other characters in a way its own PKCS#12 reader then refuses.
 */
export function makeSelfSignedCertificate(opts: { commonName: string; organization: string; years?: number; now?: Date }): PdfCertificate {
  // Node makes the RSA key (forge's pure-JS key generation takes seconds); forge wraps it as X.509 + PKCS#12.
  const { privateKey: privatePem, publicKey: publicPem } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const privateKey = forge.pki.privateKeyFromPem(privatePem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = `01${randomBytes(15).toString("hex")}`;
  const now = opts.now ?? new Date();
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + (opts.years ?? 5) * 365 * 24 * 3600 * 1000);
  const attrs = [
    { shortName: "CN", value: opts.commonName },
    { shortName: "O", value: opts.organization },
    { shortName: "C", value: "TN" },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return { p12: toP12(privateKey, cert, DEMO_PASSPHRASE), passphrase: DEMO_PASSPHRASE, subject: opts.commonName };
}

/** A PEM certificate (chain) and key, as configured, become the PKCS#12 the signer takes. */
export function certificateFromPem(certPem: string, keyPem: string): PdfCertificate {
  const certs = (certPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((c) => forge.pki.certificateFromPem(c));
  if (certs.length === 0) throw new Error("no certificate in the PEM");
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  // In memory only; the passphrase protects nothing here, forge just cannot read back an empty one.
  return { p12: toP12(key, certs, DEMO_PASSPHRASE), passphrase: DEMO_PASSPHRASE, subject: commonNameOf(certs[0]!) };
}

/** A PKCS#12 as configured; opening it now makes a wrong passphrase fail at start, not at the first receipt. */
export function certificateFromP12(p12: Buffer, passphrase: string): PdfCertificate {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString("binary")));
  const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, passphrase);
  const certBag = forge.pki.oids.certBag!;
  const bags = parsed.getBags({ bagType: certBag })[certBag] ?? [];
  const cert = bags[0]?.cert;
  if (!cert) throw new Error("no certificate in the PKCS#12");
  return { p12, passphrase, subject: commonNameOf(cert) };
}

function toP12(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate | forge.pki.Certificate[], passphrase: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, cert, passphrase, { algorithm: "aes256", friendlyName: "idarti-documents" });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

function commonNameOf(cert: forge.pki.Certificate): string {
  return String(cert.subject.getField("CN")?.value ?? "");
}

/**
 * Reads the demo certificate from `dir`, or makes it the first time (written to a temporary
 * name then renamed, so two starting instances never read half a file).
 */
export function demoCertificate(dir: string): PdfCertificate {
  const file = path.join(dir, "pdf-signing-demo.p12");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const made = makeSelfSignedCertificate({ commonName: "Idarti documents (DEMO)", organization: "Idarti demo - not a legal signature" });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, made.p12, { mode: 0o600 });
    renameSync(tmp, file);
  }
  return certificateFromP12(readFileSync(file), DEMO_PASSPHRASE);
}

const signer = new SignPdf();

/**
 * Signs a finished PDF (pdfkit's output: a classic cross-reference table, which the plain
 * placeholder appends an incremental update to). Certificates, submission receipts and payment
 * receipts all come through here.
 */
export async function signPdf(pdf: Buffer, cert: PdfCertificate, opts: { reason: string; location: string; signingTime: Date }): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: opts.reason,
    contactInfo: "",
    name: cert.subject,
    location: opts.location,
    signingTime: opts.signingTime,
    // Room for the CMS: the signature, the chain (the PKCS#12 holds it, and more) and the signed attributes.
    signatureLength: Math.max(4096, cert.p12.length + 2048),
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "Idarti",
  });
  return signer.sign(withPlaceholder, new P12Signer(cert.p12, { passphrase: cert.passphrase }), opts.signingTime);
}
