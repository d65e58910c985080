/**
 * Inline in <head> of every page, before paint: on a browser enrolled as a corner (its marker
 * cookie), mark the page as a kiosk (larger text, bigger targets: globals.css) and load the
 * corner's screen script. Everyone else runs one cookie test and loads nothing.
 */
export const kioskBootScript = `try{if(/(?:^|; )idarti-kiosk=/.test(document.cookie)){var d=document.documentElement;d.dataset.kiosk="1";if(!d.dataset.textSize)d.dataset.textSize="large";var k=document.createElement("script");k.src="/kiosk-leaf.js";k.async=true;document.head.appendChild(k)}}catch(e){}`;
