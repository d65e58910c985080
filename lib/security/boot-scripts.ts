/**
 * The app's own inline scripts. Each one's SHA-256 is in every page's Content-Security-Policy
 * (lib/security/csp.ts), so they run without a nonce: a static page has no nonce to give them.
 */
export const TEXT_SIZE_KEY = "idarti.textSize";

/** Runs before paint (inline in <head>) so a remembered text size never flashes. */
export const textSizeBootScript = `try{var s=localStorage.getItem("${TEXT_SIZE_KEY}");if(s==="large"||s==="larger")document.documentElement.dataset.textSize=s}catch(e){}`;

export const bootScripts = [textSizeBootScript] as const;
