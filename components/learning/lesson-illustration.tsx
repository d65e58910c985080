import type { ReactNode } from "react";
import type { IllustrationKind } from "@/lib/learning/schema";

/**
 * The lessons' pictures: simple inline SVG drawn here (no image files: they weigh nothing, work
 * offline with the page and follow the text colour). The lesson's data gives the kind and the alt
 * text in three languages; the drawing is mirrored in no language: it holds no writing.
 */
const INK = "currentColor";
const BRAND = "#0b5f4a";
const WARN = "#b3261e";

function Phone({ children }: { children?: ReactNode }) {
  return (
    <g>
      <rect x="20" y="10" width="100" height="180" rx="14" fill="#fff" stroke={INK} strokeWidth="4" />
      <rect x="30" y="30" width="80" height="140" rx="4" fill="#eef5f2" stroke={INK} strokeWidth="2" />
      <circle cx="70" cy="180" r="5" fill={INK} />
      {children}
    </g>
  );
}

const lines = (x: number, y: number, n: number, w = 60) =>
  Array.from({ length: n }, (_, i) => <rect key={i} x={x} y={y + i * 12} width={i % 2 ? w - 15 : w} height="5" rx="2" fill={INK} opacity="0.5" />);

const drawings: Record<IllustrationKind, ReactNode> = {
  browser: (
    <>
      <Phone>
        <rect x="34" y="36" width="72" height="14" rx="7" fill="#fff" stroke={INK} strokeWidth="2" />
        <path d="M56 80l14-11 14 11v16h-9v-9h-10v9h-9z" fill={BRAND} />
        {lines(40, 112, 4)}
      </Phone>
      <path d="M150 60h60M150 60l12-10M150 60l12 10" stroke={BRAND} strokeWidth="6" fill="none" strokeLinecap="round" />
    </>
  ),
  install: (
    <>
      <Phone>
        {[0, 1, 2].map((r) => [0, 1].map((c) => <rect key={`${r}${c}`} x={40 + c * 34} y={42 + r * 36} width="26" height="26" rx="6" fill={r === 2 && c === 1 ? BRAND : "#9bb"} />))}
        <path d="M80 119l6-5 6 5v7h-4v-4h-4v4h-4z" fill="#fff" />
      </Phone>
      <path d="M180 40v70M160 90l20 22 20-22" stroke={BRAND} strokeWidth="8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      <rect x="150" y="125" width="60" height="8" rx="4" fill={INK} />
    </>
  ),
  shield: (
    <>
      <path d="M70 20l50 18v45c0 45-30 70-50 80-20-10-50-35-50-80V38z" fill={BRAND} stroke={INK} strokeWidth="4" />
      <rect x="52" y="82" width="36" height="30" rx="4" fill="#fff" />
      <path d="M58 82v-10a12 12 0 0124 0v10" stroke="#fff" strokeWidth="6" fill="none" />
      <rect x="140" y="60" width="90" height="60" rx="8" fill="#fff" stroke={INK} strokeWidth="4" />
      <path d="M140 64l45 30 45-30" stroke={INK} strokeWidth="3" fill="none" />
      <path d="M205 110l18-32 18 32z" fill={WARN} transform="translate(-10 20)" />
      <rect x="212" y="111" width="4" height="11" fill="#fff" />
      <rect x="212" y="125" width="4" height="4" fill="#fff" />
    </>
  ),
  steps: (
    <>
      {[0, 1, 2, 3].map((i) => (
        <g key={i}>
          <circle cx="40" cy={35 + i * 42} r="14" fill={i < 3 ? BRAND : "#fff"} stroke={INK} strokeWidth="3" />
          {i < 3 && <path d={`M33 ${35 + i * 42}l5 6 10-11`} stroke="#fff" strokeWidth="4" fill="none" />}
          <rect x="66" y={29 + i * 42} width={150 - i * 15} height="12" rx="6" fill={INK} opacity="0.5" />
        </g>
      ))}
    </>
  ),
  pay: (
    <>
      <Phone>
        <rect x="40" y="50" width="60" height="16" rx="3" fill={INK} opacity="0.6" />
        <rect x="40" y="130" width="60" height="24" rx="12" fill={BRAND} />
        <path d="M60 142l6 6 14-14" stroke="#fff" strokeWidth="4" fill="none" />
        {lines(40, 80, 3)}
      </Phone>
      <path d="M150 50h70v120l-9-7-9 7-9-7-9 7-9-7-9 7-8-7-8 7z" fill="#fff" stroke={INK} strokeWidth="4" />
      {lines(162, 70, 5, 46)}
    </>
  ),
  complaint: (
    <>
      <rect x="20" y="20" width="100" height="150" rx="6" fill="#fff" stroke={INK} strokeWidth="4" />
      {lines(34, 40, 8, 70)}
      <path d="M100 150l40-80 10 5-40 80-14 8z" fill={BRAND} stroke={INK} strokeWidth="2" />
      <path d="M150 100h30M170 90l12 10-12 10" stroke={INK} strokeWidth="5" fill="none" strokeLinecap="round" />
      <path d="M190 80l25-18 25 18z" fill={INK} />
      <rect x="193" y="82" width="44" height="60" fill="#fff" stroke={INK} strokeWidth="4" />
      {[0, 1, 2].map((i) => <rect key={i} x={199 + i * 13} y="90" width="6" height="46" fill={INK} />)}
    </>
  ),
  town: (
    <>
      <rect x="0" y="130" width="240" height="50" fill="#ccc" />
      <ellipse cx="80" cy="155" rx="30" ry="9" fill={INK} />
      <rect x="170" y="30" width="8" height="100" fill={INK} />
      <path d="M174 30h30v8" stroke={INK} strokeWidth="6" fill="none" />
      <path d="M196 40l16 0-8 14z" fill="#777" />
      <g transform="translate(10 -5) rotate(-10 60 60)">
        <rect x="20" y="20" width="60" height="100" rx="10" fill="#fff" stroke={INK} strokeWidth="4" />
        <circle cx="50" cy="65" r="14" fill="none" stroke={BRAND} strokeWidth="5" />
      </g>
    </>
  ),
  info: (
    <>
      <path d="M20 50h40l10 12h80v110H20z" fill="#f5e6b8" stroke={INK} strokeWidth="4" />
      <path d="M72 98a14 14 0 1128 0c0 10-14 12-14 24" stroke={BRAND} strokeWidth="7" fill="none" strokeLinecap="round" />
      <circle cx="86" cy="140" r="5" fill={BRAND} />
      <rect x="165" y="50" width="70" height="80" rx="6" fill="#fff" stroke={INK} strokeWidth="4" />
      <rect x="165" y="50" width="70" height="20" fill={BRAND} />
      <text x="200" y="112" textAnchor="middle" fontSize="32" fontWeight="bold" fill={INK} direction="ltr">
        20
      </text>
    </>
  ),
  calendar: (
    <>
      <rect x="20" y="30" width="120" height="120" rx="8" fill="#fff" stroke={INK} strokeWidth="4" />
      <rect x="20" y="30" width="120" height="26" fill={BRAND} />
      {Array.from({ length: 12 }, (_, i) => <rect key={i} x={32 + (i % 4) * 26} y={68 + Math.floor(i / 4) * 26} width="16" height="14" rx="2" fill={INK} opacity="0.4" />)}
      <circle cx="66" cy="101" r="15" fill="none" stroke={WARN} strokeWidth="4" />
      <circle cx="195" cy="60" r="30" fill="#fff" stroke={INK} strokeWidth="4" />
      <path d="M195 40v20l14 10" stroke={INK} strokeWidth="4" fill="none" />
      <circle cx="170" cy="130" r="12" fill={BRAND} />
      <circle cx="215" cy="130" r="12" fill={INK} />
      <path d="M155 175a15 15 0 0130 0M200 175a15 15 0 0130 0" fill={INK} />
    </>
  ),
  house: (
    <>
      <path d="M0 40l80-20 80 20 80-20v150l-80 20-80-20-80 20z" fill="#e3efe9" stroke={INK} strokeWidth="3" />
      <path d="M90 120l30-24 30 24v40H90z" fill={BRAND} />
      <path d="M120 30a20 20 0 0120 20c0 16-20 34-20 34s-20-18-20-34a20 20 0 0120-20z" fill={WARN} />
      <circle cx="120" cy="50" r="7" fill="#fff" />
      <circle cx="190" cy="120" r="22" fill="none" stroke={INK} strokeWidth="6" />
      <path d="M206 136l22 22" stroke={INK} strokeWidth="8" strokeLinecap="round" />
    </>
  ),
  kiosk: (
    <>
      <rect x="30" y="20" width="90" height="110" rx="8" fill="#fff" stroke={INK} strokeWidth="4" />
      <rect x="40" y="30" width="70" height="80" fill="#eef5f2" />
      <rect x="50" y="45" width="50" height="14" rx="4" fill={BRAND} />
      <rect x="50" y="70" width="50" height="14" rx="4" fill={BRAND} opacity="0.6" />
      <rect x="68" y="130" width="14" height="45" fill={INK} />
      <rect x="45" y="172" width="60" height="8" rx="3" fill={INK} />
      <circle cx="160" cy="70" r="14" fill={INK} />
      <path d="M142 180v-60a18 18 0 0136 0v60z" fill={INK} />
      <circle cx="210" cy="75" r="13" fill={BRAND} />
      <path d="M193 180v-55a17 17 0 0134 0v55z" fill={BRAND} />
    </>
  ),
};

export function LessonIllustration({ kind, alt, id }: { kind: IllustrationKind; alt: string; id: string }) {
  return (
    <svg role="img" aria-labelledby={id} viewBox="0 0 240 200" className="h-auto w-full max-w-xs text-ink" xmlns="http://www.w3.org/2000/svg">
      <title id={id}>{alt}</title>
      {drawings[kind]}
    </svg>
  );
}
