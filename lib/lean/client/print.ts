/**
 * The print buttons of a lean page (components/catalogue/print-button.tsx renders them hidden):
 * shown, and printing, once this script runs — as the React leaf does after hydration.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-enhance="print"]')) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
