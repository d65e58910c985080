/**
 * How a call adapts to a weak link, as pure functions the call page runs on getStats samples
 * (and the tests run on made-up ones). Low bandwidth is the default: 320×240 at 15 fps, capped
 * at 150 kbps. On a bad link a participant steps down: smaller picture, then (unless they sign)
 * no picture at all — sound matters most. A signer (the deaf citizen and the interpreter) is
 * never cut: their picture only gets smaller, keeping its frame rate.
 */
export type Encoding = { scaleResolutionDownBy: number; maxBitrate: number; maxFramerate: number };

export const LOW_BANDWIDTH_CONSTRAINTS = { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 15, max: 15 } } as const;
export const AUDIO_MAX_BITRATE = 32_000;

export const LEVELS: readonly Encoding[] = [
  { scaleResolutionDownBy: 1, maxBitrate: 150_000, maxFramerate: 15 },
  { scaleResolutionDownBy: 2, maxBitrate: 80_000, maxFramerate: 12 },
  { scaleResolutionDownBy: 2, maxBitrate: 50_000, maxFramerate: 10 },
];

export type Sample = {
  /** Share of packets the other side reports lost since the previous sample (0–1). */
  lossRatio: number;
  rttMs: number | null;
  /** The browser's estimate of what the link can carry out, kbps. */
  availableKbps: number | null;
  /** The encoder says it is held back by bandwidth. */
  limitedByBandwidth: boolean;
};

/**
 * Poor means the network says so: packets lost, a long round trip, or an estimate far below even
 * the smallest picture. The encoder's "limited by bandwidth" alone is not enough — our own cap
 * of 150 kbps makes it say that on a perfect link — only together with some loss.
 */
export function isPoor(s: Sample): boolean {
  return (
    s.lossRatio > 0.05 ||
    (s.rttMs !== null && s.rttMs > 700) ||
    (s.availableKbps !== null && s.availableKbps < 60) ||
    (s.limitedByBandwidth && s.lossRatio > 0.02)
  );
}

export function isGood(s: Sample): boolean {
  return s.lossRatio < 0.01 && (s.availableKbps === null || s.availableKbps > 200) && (s.rttMs === null || s.rttMs < 300);
}

export type Quality = { level: 0 | 1 | 2; videoPaused: boolean };

/**
 * The next quality from the recent samples (oldest first): two poor samples in a row step
 * down, five good ones step back up.
 */
export function nextQuality(current: Quality, recent: readonly Sample[], signer: boolean): Quality {
  const last = (n: number) => recent.length >= n && recent.slice(-n).every((s) => s);
  const poor = last(2) && recent.slice(-2).every(isPoor);
  const good = last(5) && recent.slice(-5).every(isGood);
  if (poor) {
    if (current.level < 2) return { level: (current.level + 1) as 1 | 2, videoPaused: false };
    return { level: 2, videoPaused: !signer };
  }
  if (good) {
    if (current.videoPaused) return { level: 2, videoPaused: false };
    if (current.level > 0) return { level: (current.level - 1) as 0 | 1, videoPaused: false };
  }
  return current;
}
