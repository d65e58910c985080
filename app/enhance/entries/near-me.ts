/** /enhance/near-me.js: the "near me" button of the lean houses page (lib/houses/client/near-me.ts). */
import { enhanceAll } from "@/lib/shell/enhance";
import { enhanceNearMe } from "@/lib/houses/client/near-me";

enhanceAll("near-me", enhanceNearMe);
