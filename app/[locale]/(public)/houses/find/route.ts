import { NextResponse, type NextRequest } from "next/server";
import { getService } from "@/lib/catalogue/catalogue";
import { getGovernorate } from "@/lib/houses/houses";
import { isLocale, localePath } from "@/lib/i18n/routing";

/**
 * The finder's GET form lands here and is sent on (303) to a static, cacheable page: the result
 * pages stay prerendered and offline-readable, and the form works without JavaScript.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new NextResponse(null, { status: 404 });
  const query = request.nextUrl.searchParams;
  const service = query.get("service") ?? "";
  const governorate = query.get("governorate") ?? "";
  let target = localePath(locale, "/houses");
  if (getService(service)) target = localePath(locale, `/houses/for/${service}`);
  else if (getGovernorate(governorate)) target = localePath(locale, `/houses/governorates/${governorate}`);
  return NextResponse.redirect(new URL(target, request.nextUrl.origin), 303);
}
