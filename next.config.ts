import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { withSerwist } from "@serwist/turbopack";
import { SERVER_ACTION_MAX_BYTES } from "./lib/http/limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(self), geolocation=(self), payment=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A complaint form without JavaScript posts its files (up to 5, each checked by
  // lib/documents/uploads) with the answers; the default 1 MB would refuse a single photo.
  // Above it, proxy.ts answers 413 (lib/http/action-gate.ts).
  // proxy.ts sees every page POST: Next buffers its body for the proxy up to this size and would
  // hand the action only the first 10 MB (its default) of a larger no-JavaScript upload.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_MAX_BYTES }, proxyClientMaxBodySize: SERVER_ACTION_MAX_BYTES },
  // The PDF signing stack (@signpdf/*, node-forge) stays plain node_modules on the server, like pdfkit.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit", "@aws-sdk/client-s3", "@signpdf/signpdf", "@signpdf/placeholder-plain", "@signpdf/signer-p12", "@signpdf/utils", "node-forge"],
  // The receipt PDF reads its font from disk: ship it with the routes that render PDFs.
  outputFileTracingIncludes: { "/api/payments/**": ["./lib/documents/fonts/**"] },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The page after signing out empties the HTTP and back/forward caches, so Back cannot show
      // the pages of the person who left; not storage: the offline catalogue stays (docs/adr/0015).
      { source: "/:locale(ar|fr|en)/sign-in", has: [{ type: "query", key: "signedOut" }], headers: [{ key: "Clear-Site-Data", value: '"cache"' }] },
    ];
  },
};

export default withSerwist(withNextIntl(nextConfig));
