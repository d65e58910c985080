/**
 * The largest server-action body: a complaint form without JavaScript posts its files (up to 5,
 * each checked by lib/documents/uploads) with the answers. next.config.ts gives it to Next.js;
 * proxy.ts answers 413 above it before Next reads the body (Next itself would answer 500).
 */
export const SERVER_ACTION_MAX_BYTES = 40 * 1024 * 1024;
