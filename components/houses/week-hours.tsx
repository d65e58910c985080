import { weekdays, type WeekHours, type Weekday } from "@/lib/houses/schema";

/** A week of opening hours as a table: rendered on the server, so the hours show without JavaScript. */
export function WeekHoursTable({ caption, week, labels }: { caption: string; week: WeekHours; labels: { day: string; hours: string; closed: string; weekdays: Record<Weekday, string> } }) {
  return (
    <table className="mb-6 w-full max-w-xl border-collapse max-sm:block">
      <caption className="mb-2 text-start text-lg font-bold max-sm:block">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{labels.day}</th>
          <th scope="col">{labels.hours}</th>
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {weekdays.map((d) => (
          <tr key={d} className="border-b border-line max-sm:block max-sm:py-1">
            {/* On a phone the day sits above its hours: a long day name and a time range need not share 320 px. */}
            <th scope="row" className="py-1.5 pe-4 text-start font-semibold capitalize max-sm:block max-sm:py-0">{labels.weekdays[d]}</th>
            <td className="py-1.5 max-sm:block max-sm:py-0">
              {week[d] ? <bdi dir="ltr">{week[d]!.map((i) => i.replace("-", "–").replace("00:00–24:00", "24/24")).join(" · ")}</bdi> : labels.closed}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
