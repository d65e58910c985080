import { UserText } from "@/components/ui/user-text";

/** The documents of a booking, each a link to the route only its participants can open. No text of its own. */
export function BookingFiles({ bookingId, files, heading }: { bookingId: string; files: { id: string; label: string }[]; heading: string }) {
  if (!files.length) return null;
  return (
    <section aria-labelledby="booking-files" className="mb-6">
      <h2 id="booking-files" className="mb-2 text-xl font-bold">
        {heading}
      </h2>
      <ul className="list-disc ps-5">
        {files.map((f) => (
          <li key={f.id}>
            <a className="link" href={`/api/interviews/${bookingId}/files/${f.id}`}>
              <UserText>{f.label}</UserText>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
