/**
 * One button in a table row that posts a server action without JavaScript (revoke a key, disable
 * a webhook, revoke a kiosk): the row's id and the page's locale as hidden fields, and the row's
 * name after the verb for screen readers ("Revoke — Haidra kiosk 2"), since every row has the same verb.
 */
export function RowAction({ action, fields, verb, subject }: { action: (data: FormData) => Promise<void>; fields: Record<string, string>; verb: string; subject: string }) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="inline-flex min-h-11 items-center text-link underline">
        {verb}
        <span className="sr-only"> — {subject}</span>
      </button>
    </form>
  );
}
