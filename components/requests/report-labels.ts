import { getTranslations } from "next-intl/server";
import { UPLOAD_LIMITS } from "@/lib/documents/uploads/limits";
import type { Locale } from "@/lib/i18n/routing";
import type { GpsLabels } from "./gps-locator";
import type { MapLabels } from "./map-picker";
import type { ReportFormLabels } from "./report-form";
import type { PhotoLabels } from "./report-photos";

/** The strings of the municipal report form, in the page's language (the client leaves get only these). */
export async function reportFormLabels(locale: Locale): Promise<{ labels: ReportFormLabels; gpsLabels: GpsLabels; mapLabels: MapLabels; photoLabels: PhotoLabels }> {
  const t = await getTranslations({ locale, namespace: "MunicipalReport" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const o = await getTranslations({ locale, namespace: "Outbox" });
  const e = await getTranslations({ locale, namespace: "Errors" });
  const u = await getTranslations({ locale, namespace: "Uploads" });
  const statuses = ["received", "acknowledged", "scheduled", "escalated"] as const;
  // ICU-free templates ({accuracy}, {n}…) that the client leaves fill in themselves.
  const raw = (key: Parameters<typeof t.raw>[0]) => t.raw(key) as string;
  return {
    labels: {
      errorTitle: e("summaryTitle"),
      errorPrefix: r("errorPrefix"),
      continue: r("continue"),
      send: t("send"),
      sending: r("sending"),
      draftNote: o("draftNote"),
      refused: o("refused"),
      category: t("form.category"),
      governorate: t("form.governorate"),
      delegation: t("form.delegation"),
      delegationHint: t("form.delegationHint"),
      choose: t("form.choose"),
      locationMode: t("form.locationMode"),
      locationHint: t("form.locationHint"),
      modeGps: t("form.modeGps"),
      modeGpsHint: t("form.modeGpsHint"),
      modeMap: t("form.modeMap"),
      modeMapHint: t("form.modeMapHint"),
      modePlace: t("form.modePlace"),
      modePlaceHint: t("form.modePlaceHint"),
      place: t("form.place"),
      placeHint: t("form.placeHint"),
      description: t("fields.description"),
      descriptionHint: t("form.descriptionHint"),
      hideName: r("hideName"),
      hideNameHint: r("hideNameHint"),
      sharePhotoLocation: t("form.sharePhotoLocation"),
      sharePhotoLocationHint: t("form.sharePhotoLocationHint"),
      photosNoScript: t("form.photosNoScript"),
      checkHeading: t("check.heading"),
      change: r("change"),
      changeHeading: t("check.changeHeading"),
      yes: t("check.yes"),
      no: t("check.no"),
      photos: t("check.photos"),
      pointGps: raw("check.pointGps"),
      pointMap: raw("check.pointMap"),
      similarHeading: t("similar.heading"),
      similarLead: t("similar.lead"),
      similarNone: t("similar.none"),
      similarOffline: t("similar.offline"),
      similarItem: raw("similar.item"),
      similarDistance: raw("similar.distance"),
      join: t("similar.join"),
      sendAnyway: t("similar.sendAnyway"),
      statuses: Object.fromEntries(statuses.map((s) => [s, r(`status.${s}`)])),
    },
    gpsLabels: { button: t("gps.button"), locating: t("gps.locating"), found: raw("gps.found"), denied: t("gps.denied"), failed: t("gps.failed"), unsupported: t("gps.unsupported") },
    mapLabels: { region: t("map.region"), zoomIn: t("map.zoomIn"), zoomOut: t("map.zoomOut"), north: t("map.north"), south: t("map.south"), east: t("map.east"), west: t("map.west"), pinned: raw("map.pinned"), attribution: "" },
    photoLabels: {
      label: t("photos.label"),
      hint: t("photos.hint", { max: UPLOAD_LIMITS.maxFiles, maxMb: UPLOAD_LIMITS.maxImageBytes / 1024 / 1024, side: UPLOAD_LIMITS.maxSide }),
      preparing: u("preparing"),
      ready: u("ready"),
      offline: t("photos.offline"),
      photo: raw("photos.photo"),
      remaining: raw("photos.remaining"),
      errors: Object.fromEntries((["empty", "tooLarge", "typeNotAllowed", "tooManyPixels", "damaged", "activeContent", "tooMany"] as const).map((k) => [k, u.raw(`errors.${k}`) as string])),
    },
  };
}
