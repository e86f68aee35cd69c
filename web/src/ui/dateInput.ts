// A calendar date as people type it: 14031988 (the digits a phone's number pad gives), 14-03-1988,
// 14/03/1988, 14.03.1988, 14-3-1988 or 1988-03-14. What was understood is shown back in words
// ("14 maart 1988"); the server still decides whether the day is acceptable (R-SEC-4).
import type { Lang } from '../i18n';

export interface ReadDate {
  /** 'YYYY-MM-DD' */
  iso: string;
  /** Whether that day is on the calendar (31-02 is not). */
  exists: boolean;
}

function pad(n: string, width: number): string {
  return n.padStart(width, '0');
}

/** Day, month and year in TEXT, or null when TEXT is not one of the ways above. */
function parts(s: string): { d: string; m: string; y: string } | null {
  let p = /^(\d{2})(\d{2})(\d{4})$/.exec(s) ?? /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(s);
  if (p) return { d: p[1]!, m: p[2]!, y: p[3]! };
  p = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  return p ? { d: p[3]!, m: p[2]!, y: p[1]! } : null;
}

/** The date in TEXT, or null when TEXT is not one of the ways above. */
export function readDate(text: string): ReadDate | null {
  const p = parts(text.trim());
  if (!p) return null;
  const iso = `${p.y}-${pad(p.m, 2)}-${pad(p.d, 2)}`;
  const day = new Date(Date.UTC(Number(p.y), Number(p.m) - 1, Number(p.d)));
  return { iso, exists: !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso };
}

/**
 * TEXT as 'YYYY-MM-DD' when it reads as a date (even a day that does not exist, for the server
 * to refuse by name); anything else trimmed and unchanged.
 */
export function dateToSend(text: string): string {
  return readDate(text)?.iso ?? text.trim();
}

/** 'YYYY-MM-DD' in words: "14 maart 1988", "14 March 1988". */
export function longDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}
