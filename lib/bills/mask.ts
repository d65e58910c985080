/**
 * A name partly hidden, so that whoever holds a bill reference can check it is the right bill
 * without learning the customer's name: "Fatma Ben Ali" → "Fa*** B** A**", "فاطمة بن علي" →
 * "فا*** ب** ع**". The first word keeps two letters, the others one.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .map((w, i) => {
      const letters = [...w];
      const keep = i === 0 ? Math.min(2, letters.length - 1) : Math.min(1, letters.length - 1);
      return letters.slice(0, Math.max(1, keep)).join("") + "*".repeat(Math.max(2, Math.min(3, letters.length - keep)));
    })
    .join(" ");
}
