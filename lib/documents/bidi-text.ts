import bidiFactory from "bidi-js";

/**
 * The Unicode bidirectional algorithm for one line of a PDF. pdfkit shapes Arabic (fontkit joins
 * the letters and lays out an Arabic run right to left) but does no bidi: a line mixing Arabic,
 * a Latin reference and digits comes out in the wrong order. So each line is cut into runs of
 * one embedding level, the runs are put in visual order (rule L2), brackets are mirrored in
 * right-to-left runs, and each run is drawn on its own, left to right.
 *
 * A right-to-left run that holds Arabic is handed over in logical order (fontkit reverses it
 * while shaping); one that holds only spaces or punctuation is reversed here, since fontkit
 * would not.
 */
const bidi = bidiFactory();

export type VisualRun = { text: string; rtl: boolean; level: number };

export function visualRuns(line: string, base: "rtl" | "ltr"): VisualRun[] {
  if (!line) return [];
  const embedding = bidi.getEmbeddingLevels(line, base);
  const levels = embedding.levels;
  // bidi-js takes the levels array here (its typings say the result object).
  const mirrored = bidi.getMirroredCharactersMap(line, levels as never);
  const chars = [...line];
  // Code units → characters: bidi-js works on UTF-16 indices; Arabic and Latin are all BMP.
  const logical: { text: string; level: number }[] = [];
  let index = 0;
  for (const ch of chars) {
    const level = levels[index]!;
    const shown = mirrored.get(index) ?? ch;
    const last = logical[logical.length - 1];
    if (last && last.level === level) last.text += shown;
    else logical.push({ text: shown, level });
    index += ch.length;
  }
  // L2: from the highest level down to the lowest odd level, reverse every sequence of runs at
  // that level or higher.
  const runs = [...logical];
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), Infinity);
  for (let level = max; level >= minOdd && level > 0; level--) {
    let i = 0;
    while (i < runs.length) {
      if (runs[i]!.level >= level) {
        let j = i;
        while (j + 1 < runs.length && runs[j + 1]!.level >= level) j++;
        const slice = runs.slice(i, j + 1).reverse();
        runs.splice(i, slice.length, ...slice);
        i = j + 1;
      } else i++;
    }
  }
  return runs.map((r) => {
    const rtl = r.level % 2 === 1;
    const text = rtl && !hasStrongRtl(r.text) ? [...r.text].reverse().join("") : r.text;
    return { text, rtl, level: r.level };
  });
}

export function hasStrongRtl(text: string): boolean {
  for (const ch of text) {
    const t = bidi.getBidiCharTypeName(ch);
    if (t === "R" || t === "AL") return true;
  }
  return false;
}

/**
 * What a reader sees, left to right, assuming the shaper reverses Arabic runs: used by tests and
 * to check a line's order without rendering it.
 */
export function visualString(line: string, base: "rtl" | "ltr"): string {
  return visualRuns(line, base)
    .map((r) => (r.rtl && hasStrongRtl(r.text) ? [...r.text].reverse().join("") : r.text))
    .join("");
}
