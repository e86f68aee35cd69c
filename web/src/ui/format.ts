// Dates and times the Dutch way, in Europe/Amsterdam whatever the device's zone:
// 23-11-2026 and 23-11-2026 14:05, in both languages.
export const TIME_ZONE = 'Europe/Amsterdam';

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

function partsOf(date: Date): Parts {
  const p: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) p[part.type] = part.value;
  return {
    year: p.year ?? '',
    month: (p.month ?? '').padStart(2, '0'),
    day: (p.day ?? '').padStart(2, '0'),
    hour: (p.hour ?? '').padStart(2, '0'),
    minute: (p.minute ?? '').padStart(2, '0'),
  };
}

/** 'YYYY-MM-DD' (a calendar date, no zone) as 'DD-MM-YYYY'. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : isoDate;
}

/** An instant (RFC 3339 or Date) as 'DD-MM-YYYY HH:MM' in Amsterdam. */
export function formatDateTime(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const p = partsOf(date);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** An instant as 'HH:MM' in Amsterdam. */
export function formatTime(date: Date): string {
  const p = partsOf(date);
  return `${p.hour}:${p.minute}`;
}

/** Today's calendar date in Amsterdam as 'YYYY-MM-DD'. */
export function todayInAmsterdam(now: Date = new Date()): string {
  const p = partsOf(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Whole years between a date of birth and a day (both 'YYYY-MM-DD'). */
export function ageOn(dateOfBirth: string, day: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!b || !d) return null;
  let age = Number(d[1]) - Number(b[1]);
  if (d[2]! + d[3]! < b[2]! + b[3]!) age -= 1;
  return age >= 0 ? age : null;
}

/**
 * What a person types as a date (23-11-1985, 23/11/1985, 23.11.1985, 1985-11-23) as
 * 'YYYY-MM-DD'; anything else comes back trimmed and unchanged, for the server to refuse by name.
 */
export function toIsoDate(input: string): string {
  const text = input.trim();
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return text;
}

/** "Anna de Vries": given name, name prefix (tussenvoegsel), family name. */
export function fullName(c: { given_name: string; name_prefix?: string | null; family_name: string }): string {
  return [c.given_name, c.name_prefix, c.family_name].filter((s) => s && s.trim()).join(' ');
}
