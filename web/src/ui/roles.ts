// What the screens show per role (SPEC.md, Users and roles); the server checks it all again.
import type { Role } from '../api/client';

/** Roles that may register clients. */
export function mayCreateClients(role: Role): boolean {
  return role === 'owner' || role === 'practitioner' || role === 'assistant';
}

/** Roles that change a client's name, date of birth, contact data and location. */
export function mayEditClients(role: Role): boolean {
  return role === 'owner' || role === 'practitioner' || role === 'assistant';
}

/** Roles that record consent to record keeping and the photo preference. */
export function maySetPreferences(role: Role): boolean {
  return role === 'owner' || role === 'practitioner';
}

/** Roles that may list clients (the quality officer only through an incident or complaint). */
export function mayListClients(role: Role): boolean {
  return role !== 'quality';
}

/** Roles that read the dossier: intake, trajectories, consents, sessions (the auditor read-only). */
export function mayReadDossier(role: Role): boolean {
  return role === 'owner' || role === 'practitioner' || role === 'auditor';
}

/** Roles that write the dossier: a new intake version, trajectories, consults, consents, sessions. */
export function mayWriteDossier(role: Role): boolean {
  return role === 'owner' || role === 'practitioner';
}

/** Roles that keep the treatment catalogue and the practice settings (R-CAT, R-CONSENT-2, R-SEC-1). */
export function mayManagePractice(role: Role): boolean {
  return role === 'owner';
}

/** Roles that keep the team: add colleagues, change their access, disable them, reset their login (R-STAFF-3). */
export function mayManageStaff(role: Role): boolean {
  return role === 'owner';
}

/** Roles that keep the practice's locations: add, rename, close and reopen them. */
export function mayManageLocations(role: Role): boolean {
  return role === 'owner';
}
