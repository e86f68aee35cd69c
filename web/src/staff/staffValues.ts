// The values of the staff form (R-STAFF-3): what each role needs (locations for a practitioner
// or the front desk, an end date for an auditor; the others work at every location), where the
// form starts, what a new colleague sends and what a change sends (only what changed).
import type { Location, NewStaffAccount, Role, StaffAccount, StaffChange, StaffInput } from '../api/client';
import { dateInAmsterdam, endOfDayInAmsterdam } from '../ui/format';

/** The roles in the order the form offers them. */
export const ROLES: readonly Role[] = ['practitioner', 'assistant', 'owner', 'quality', 'auditor'];

// In the order of the form, so the first field with an error takes the focus.
export const NEW_FIELDS = ['name', 'email', 'role', 'locations', 'access_until'] as const;
export const EDIT_FIELDS = ['role', 'locations', 'access_until'] as const;
export type Field = (typeof NEW_FIELDS)[number];

export interface Values {
  name: string;
  email: string;
  role: Role;
  /** Location ids, in the order of the practice's list. */
  locations: string[];
  /** The last day of access, 'YYYY-MM-DD' (Amsterdam), for an auditor. */
  access_until: string;
}

/** A practitioner and the front desk work at the locations chosen for them. */
export function needsLocations(role: Role): boolean {
  return role === 'practitioner' || role === 'assistant';
}

/** An auditor's access ends at a date the owner sets. */
export function needsEndDate(role: Role): boolean {
  return role === 'auditor';
}

export function initial(member: StaffAccount | undefined, locations: Location[]): Values {
  if (!member) {
    // With one location there is nothing to choose.
    return { name: '', email: '', role: 'practitioner', locations: locations.length === 1 ? [locations[0]!.id] : [], access_until: '' };
  }
  return {
    name: member.name,
    email: member.email ?? '',
    role: member.role,
    locations: member.all_locations ? [] : [...(member.locations ?? [])],
    access_until: member.access_until ? dateInAmsterdam(member.access_until) : '',
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** What a new colleague sends: locations and end date only where the role has them. */
export function created(v: Values): StaffInput {
  const body: StaffInput = { name: v.name.trim(), email: v.email.trim(), role: v.role };
  if (needsLocations(v.role)) body.locations = v.locations;
  if (needsEndDate(v.role)) body.access_until = endOfDayInAmsterdam(v.access_until) ?? v.access_until;
  return body;
}

/** What changed for MEMBER: the body of the change (empty when nothing did). */
export function changes(member: StaffAccount, v: Values): StaffChange {
  const body: StaffChange = {};
  const roleChanged = v.role !== member.role;
  if (roleChanged) body.role = v.role;
  if (needsLocations(v.role)) {
    const before = member.all_locations ? [] : (member.locations ?? []);
    if (roleChanged || !sameIds(v.locations, before)) body.locations = v.locations;
  }
  if (needsEndDate(v.role)) {
    const before = member.access_until ? dateInAmsterdam(member.access_until) : '';
    if (roleChanged || v.access_until !== before) body.access_until = endOfDayInAmsterdam(v.access_until) ?? v.access_until;
  } else if (roleChanged && member.role === 'auditor' && member.access_until) {
    // No longer an auditor: no end date that the form would no longer show.
    body.access_until = null;
  }
  return body;
}

/** The account as the list keeps it: the one-time password is shown once, never kept. */
export function withoutPassword(account: NewStaffAccount): StaffAccount {
  return {
    id: account.id,
    name: account.name,
    display_name: account.display_name,
    email: account.email,
    role: account.role,
    all_locations: account.all_locations,
    locations: account.locations,
    active: account.active,
    access_until: account.access_until,
  };
}
