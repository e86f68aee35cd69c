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

/** "Anna de Vries": given name, name prefix (tussenvoegsel), family name. */
export function fullName(c: { given_name: string; name_prefix?: string | null; family_name: string }): string {
  return [c.given_name, c.name_prefix, c.family_name].filter((s) => s && s.trim()).join(' ');
}

/** A calendar date 'YYYY-MM-DD' plus (or minus) whole days. */
export function addDays(isoDate: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** The calendar date (Amsterdam) of an instant, 'YYYY-MM-DD'. */
export function dateInAmsterdam(instant: string | Date): string {
  return todayInAmsterdam(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Amsterdam's offset from UTC in minutes at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const p = partsOf(new Date(instant));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** Now in Amsterdam as a datetime-local value 'YYYY-MM-DDTHH:MM'. */
export function nowLocalInput(now: Date = new Date()): string {
  const p = partsOf(now);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * A datetime-local value ('YYYY-MM-DDTHH:MM', a wall-clock time in Amsterdam, whatever the
 * device's zone) as RFC 3339 with Amsterdam's offset: '2026-11-21T10:00:00+01:00'. Null when
 * the value is not such a time.
 */
export function amsterdamToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  // The offset at the wall time read as UTC is at most an hour off; a second look settles it.
  let offset = offsetMinutes(wall);
  offset = offsetMinutes(wall - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${hh}:${mm}`;
}

/**
 * The last second of a calendar day ('YYYY-MM-DD') in Amsterdam as RFC 3339 with Amsterdam's
 * offset: '2027-06-30T23:59:59+02:00' (an end date, such as an auditor's). Null when DATE is no day.
 */
export function endOfDayInAmsterdam(isoDate: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const minute = amsterdamToIso(`${isoDate}T23:59`);
  return minute ? minute.replace(/:00(?=[+-]\d{2}:\d{2}$)/, ':59') : null;
}
