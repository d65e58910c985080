/**
 * The app's own inline scripts, all of them. Each one's SHA-256 is in every page's
 * Content-Security-Policy (lib/security/csp.ts), so they run without a nonce: a static page has no
 * nonce to give them. A new inline script goes here, or the policy blocks it.
 */
import { textSizeBootScript } from "@/lib/shell/text-size";

export { textSizeBootScript };

/**
 * Inline in <head> of every page, before paint: on a browser enrolled as a self-service corner
 * (its marker cookie, lib/kiosk/cookies.ts), mark the page as a kiosk (larger text, bigger
 * targets: globals.css) and load the corner's screen script. Everyone else runs one cookie test
 * and loads nothing.
 */
export const kioskBootScript = `try{if(/(?:^|; )idarti-kiosk=/.test(document.cookie)){var d=document.documentElement;d.dataset.kiosk="1";if(!d.dataset.textSize)d.dataset.textSize="large";var k=document.createElement("script");k.src="/kiosk-leaf.js";k.async=true;document.head.appendChild(k)}}catch(e){}`;

export const bootScripts = [textSizeBootScript, kioskBootScript] as const;
