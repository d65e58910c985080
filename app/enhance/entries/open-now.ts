/** /enhance/open-now.js: the open-now status line of a lean house page (lib/houses/client/open-now.ts). */
import { enhanceAll } from "@/lib/shell/enhance";
import { enhanceOpenNow } from "@/lib/houses/client/open-now";

enhanceAll("open-now", enhanceOpenNow);
