import { chromium, devices } from "@playwright/test";
import { findChromium } from "./scripts/chromium.mjs";
const browser = await chromium.launch({ executablePath: await findChromium() });
const ctx = await browser.newContext({ ...devices["Pixel 7"] });
const page = await ctx.newPage();
const culprit = () => page.evaluate(() => {
  const w = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= w) return "ok";
  const out = [];
  for (const el of Array.from(document.body.querySelectorAll("*"))) {
    const r = el.getBoundingClientRect();
    if (r.width > w + 1) {
      const kids = Array.from(el.children).some((k) => k.getBoundingClientRect().width > w + 1);
      if (!kids) out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} «${(el.textContent ?? "").trim().slice(0, 40)}» w=${Math.round(r.width)}`);
    }
  }
  return document.documentElement.scrollWidth + " " + out.slice(0, 6).join(" | ");
});
for (const path of process.argv.slice(2)) {
  await page.setViewportSize({ width: 412, height: 839 });
  await page.goto("http://localhost:3799" + path);
  await page.setViewportSize({ width: 320, height: 640 });
  const a = await culprit();
  await page.evaluate(() => (document.documentElement.dataset.textSize = "larger"));
  const b = await culprit();
  await page.evaluate(() => { delete document.documentElement.dataset.textSize; document.documentElement.style.fontSize = "200%"; });
  const c = await culprit();
  console.log(path, "\n  normal:", a, "\n  larger:", b, "\n  200%:", c);
}
await browser.close();
