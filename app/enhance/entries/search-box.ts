/** /enhance/search-box.js: lib/catalogue/client/search-box.ts on a lean page (docs/adr/0021). */
import { enhanceAll } from "@/lib/shell/enhance";
import { enhanceSearchBox } from "@/lib/catalogue/client/search-box";

enhanceAll("search-box", enhanceSearchBox);
