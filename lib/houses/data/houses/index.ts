// The list of house files. A test checks that every JSON file in this folder is listed here.
import demoAinDraham from "./demo-ain-draham.json";
import demoGafsaSingle from "./demo-gafsa-single.json";
import demoKasserineNord from "./demo-kasserine-nord.json";
import demoMobileKasserine from "./demo-mobile-kasserine.json";
import demoMobileTataouine from "./demo-mobile-tataouine.json";
import demoSfaxKiosk from "./demo-sfax-kiosk.json";
import demoSilianaCooperative from "./demo-siliana-cooperative.json";
import demoSousse from "./demo-sousse.json";
import demoTunisBabSouika from "./demo-tunis-bab-souika.json";
import haidra from "./haidra.json";

export const houseFiles: unknown[] = [
  demoAinDraham,
  demoGafsaSingle,
  demoKasserineNord,
  demoMobileKasserine,
  demoMobileTataouine,
  demoSfaxKiosk,
  demoSilianaCooperative,
  demoSousse,
  demoTunisBabSouika,
  haidra,
];
