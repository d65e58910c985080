/** /enhance/verifier.js: the verify page's checker on the lean page (lib/documents/client/verifier.ts). */
import { enhanceAll } from "@/lib/shell/enhance";
import { enhanceVerifier } from "@/lib/documents/client/verifier";

enhanceAll("verifier", enhanceVerifier);
