/**
 * Ed25519 verification in the browser: WebCrypto where the browser has it (Chromium 137+,
 * Firefox 129+, Safari 17+), otherwise @noble/ed25519 (audited, ~5 kB gzipped), loaded only
 * then. Both give the same answer; the tests run both.
 */
export async function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const viaWebCrypto = await webCryptoVerify(publicKey, message, signature);
  if (viaWebCrypto !== null) return viaWebCrypto;
  return nobleVerify(publicKey, message, signature);
}

/** Null when this browser's WebCrypto has no Ed25519. */
export async function webCryptoVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  let key: CryptoKey;
  try {
    key = await subtle.importKey("raw", copy(publicKey), { name: "Ed25519" }, false, ["verify"]);
  } catch (e) {
    if (e instanceof DOMException && e.name === "NotSupportedError") return null;
    return false;
  }
  return subtle.verify({ name: "Ed25519" }, key, copy(signature), copy(message));
}

export async function nobleVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const ed = await import("@noble/ed25519");
  try {
    return await ed.verifyAsync(signature, message, publicKey);
  } catch {
    return false;
  }
}

// WebCrypto wants an ArrayBuffer-backed view of its own (not a slice of a shared buffer).
function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}
