// Typed calls of api/openapi.yaml (types generated into schema.d.ts by `npm run gen:api`).
import {
  api,
  type AddendumCreate,
  type Client,
  type ClientCreate,
  type ClientHistory,
  type ClientPatch,
  type ClientList,
  type ConsentCreate,
  type ConsultCreate,
  type DecisionCreate,
  type IntakeAnswers,
  type IntakeHistory,
  type IntakeVersion,
  type Location,
  type LocationChange,
  type LocationInput,
  type LocationList,
  type LoginRequest,
  type LoginResponse,
  type Me,
  type NewStaffAccount,
  type PasswordChange,
  type Photo,
  type PhotoList,
  type PhotoPhase,
  type Practice,
  type PracticePatch,
  type Qualification,
  type QualificationInput,
  type QualificationList,
  type RequestOptions,
  type Session,
  type SessionInput,
  type StaffAccount,
  type StaffChange,
  type StaffInput,
  type StaffList,
  type TotpEnrolment,
  type Trajectory,
  type TrajectoryCreate,
  type TreatmentType,
  type TreatmentTypeCreate,
  type TreatmentTypeList,
  type TreatmentTypePatch,
  type UploadOptions,
} from './client';

export const PAGE_SIZE = 50;

export function getMe(options?: RequestOptions): Promise<Me> {
  return api.send<Me>('GET', '/api/v1/me', undefined, options);
}

export function login(body: LoginRequest): Promise<LoginResponse> {
  return api.send<LoginResponse>('POST', '/api/v1/login', body, { reauth: false });
}

export function logout(): Promise<void> {
  return api.send<void>('POST', '/api/v1/logout', undefined, { reauth: false });
}

export function changePassword(body: PasswordChange): Promise<void> {
  return api.send<void>('POST', '/api/v1/me/password', body);
}

export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return api.send<TotpEnrolment>('POST', '/api/v1/me/totp');
}

export function confirmTotpEnrolment(code: string): Promise<Me> {
  return api.send<Me>('POST', '/api/v1/me/totp/confirm', { code });
}

export interface ClientQuery {
  q?: string;
  location?: string;
  limit?: number;
  offset?: number;
}

export function listClients(query: ClientQuery, signal?: AbortSignal): Promise<ClientList> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.location) params.set('location', query.location);
  params.set('limit', String(query.limit ?? PAGE_SIZE));
  if (query.offset) params.set('offset', String(query.offset));
  return api.send<ClientList>('GET', `/api/v1/clients?${params}`, undefined, { signal });
}

export function getClient(id: string, signal?: AbortSignal): Promise<Client> {
  return api.send<Client>('GET', `/api/v1/clients/${encodeURIComponent(id)}`, undefined, { signal });
}

export function createClient(body: ClientCreate): Promise<Client> {
  return api.send<Client>('POST', '/api/v1/clients', body);
}

/** A JSON merge patch: only what changed; null clears an optional field (R-SEC-4). */
export function updateClient(clientId: string, body: ClientPatch): Promise<Client> {
  return api.send<Client>('PATCH', `/api/v1/clients/${encodeURIComponent(clientId)}`, body);
}

/** Every create and change of the client, oldest first, with author and time (issue 12). */
export function getClientHistory(clientId: string, signal?: AbortSignal): Promise<ClientHistory> {
  return api.send<ClientHistory>('GET', `/api/v1/clients/${encodeURIComponent(clientId)}/history`, undefined, { signal });
}

const id = encodeURIComponent;

export function getIntake(clientId: string, signal?: AbortSignal): Promise<IntakeHistory> {
  return api.send<IntakeHistory>('GET', `/api/v1/clients/${id(clientId)}/intake`, undefined, { signal });
}

export function addIntakeVersion(clientId: string, body: IntakeAnswers): Promise<IntakeVersion> {
  return api.send<IntakeVersion>('POST', `/api/v1/clients/${id(clientId)}/intake`, body);
}

export function listTreatmentTypes(signal?: AbortSignal): Promise<TreatmentTypeList> {
  return api.send<TreatmentTypeList>('GET', '/api/v1/treatment-types', undefined, { signal });
}

/** A practice's own treatment type, version 1 (owner only; R-CAT). */
export function createTreatmentType(body: TreatmentTypeCreate): Promise<TreatmentType> {
  return api.send<TreatmentType>('POST', '/api/v1/treatment-types', body);
}

/** A new version of a type: fields not sent stay as they were; `retired` takes it out of use (R-CAT). */
export function updateTreatmentType(typeId: string, body: TreatmentTypePatch): Promise<TreatmentType> {
  return api.send<TreatmentType>('PATCH', `/api/v1/treatment-types/${id(typeId)}`, body);
}

/** The practice settings: mandatory TOTP (R-SEC-1), the reflection periods (R-CONSENT-2). */
export function updatePractice(body: PracticePatch): Promise<Practice> {
  return api.send<Practice>('PATCH', '/api/v1/practice', body);
}

export function listTrajectories(clientId: string, signal?: AbortSignal): Promise<{ items: Trajectory[] }> {
  return api.send<{ items: Trajectory[] }>('GET', `/api/v1/clients/${id(clientId)}/trajectories`, undefined, { signal });
}

export function createTrajectory(clientId: string, body: TrajectoryCreate): Promise<Trajectory> {
  return api.send<Trajectory>('POST', `/api/v1/clients/${id(clientId)}/trajectories`, body);
}

export function getTrajectory(trajectoryId: string, signal?: AbortSignal): Promise<Trajectory> {
  return api.send<Trajectory>('GET', `/api/v1/trajectories/${id(trajectoryId)}`, undefined, { signal });
}

export function recordConsult(trajectoryId: string, body: ConsultCreate): Promise<Trajectory> {
  return api.send<Trajectory>('POST', `/api/v1/trajectories/${id(trajectoryId)}/consult`, body);
}

/** R-CONSENT-1: another owner confirms the stated time of a consult recorded afterwards. */
export function confirmConsult(trajectoryId: string): Promise<Trajectory> {
  return api.send<Trajectory>('POST', `/api/v1/trajectories/${id(trajectoryId)}/consult/confirm`);
}

export function recordDecision(trajectoryId: string, body: DecisionCreate = {}): Promise<Trajectory> {
  return api.send<Trajectory>('POST', `/api/v1/trajectories/${id(trajectoryId)}/decision`, body);
}

export function addConsent(trajectoryId: string, body: ConsentCreate): Promise<Trajectory> {
  return api.send<Trajectory>('POST', `/api/v1/trajectories/${id(trajectoryId)}/consents`, body);
}

export function createSession(trajectoryId: string, body: SessionInput): Promise<Session> {
  return api.send<Session>('POST', `/api/v1/trajectories/${id(trajectoryId)}/sessions`, body);
}

export function getSession(sessionId: string, signal?: AbortSignal): Promise<Session> {
  return api.send<Session>('GET', `/api/v1/sessions/${id(sessionId)}`, undefined, { signal });
}

export function updateSession(sessionId: string, body: SessionInput): Promise<Session> {
  return api.send<Session>('PATCH', `/api/v1/sessions/${id(sessionId)}`, body);
}

/** The password where the practice asks for it (sign_requires_password). */
export function signSession(sessionId: string, password?: string): Promise<Session> {
  return api.send<Session>('POST', `/api/v1/sessions/${id(sessionId)}/sign`, password === undefined ? undefined : { password });
}

/** A draft is thrown away (audited); a signed session never. */
export function discardSession(sessionId: string): Promise<void> {
  return api.send<void>('POST', `/api/v1/sessions/${id(sessionId)}/discard`);
}

export function addAddendum(sessionId: string, body: AddendumCreate): Promise<Session> {
  return api.send<Session>('POST', `/api/v1/sessions/${id(sessionId)}/addenda`, body);
}

export function listPhotos(clientId: string, signal?: AbortSignal): Promise<PhotoList> {
  return api.send<PhotoList>('GET', `/api/v1/clients/${id(clientId)}/photos`, undefined, { signal });
}

/**
 * What a photo is tagged with (R-PHOTO-4): the phase, the body area, and a session or else a
 * trajectory (a photo before the first session) if any.
 */
export interface PhotoTags {
  phase: PhotoPhase;
  area: string;
  session?: string;
  trajectory?: string;
}

/** The photo as the raw request body; the server decodes, cleans and seals it (R-PHOTO-1..3). */
export function uploadPhoto(clientId: string, tags: PhotoTags, file: Blob, options?: UploadOptions): Promise<Photo> {
  const params = new URLSearchParams({ phase: tags.phase, area: tags.area });
  if (tags.session) params.set('session', tags.session);
  else if (tags.trajectory) params.set('trajectory', tags.trajectory);
  return api.upload<Photo>(`/api/v1/clients/${id(clientId)}/photos?${params}`, file, options);
}

/** The photo itself and its thumbnail: same-origin images, the session cookie goes along. */
export function photoUrl(photoId: string): string {
  return `/api/v1/photos/${id(photoId)}`;
}

export function thumbnailUrl(photoId: string): string {
  return `/api/v1/photos/${id(photoId)}/thumbnail`;
}

/** The caller's locations (the owner: all of the practice's). */
export function listLocations(signal?: AbortSignal): Promise<LocationList> {
  return api.send<LocationList>('GET', '/api/v1/locations', undefined, { signal });
}

/** The practice's staff; the owner also gets each account's email, locations and end date (R-STAFF-3). */
export function listStaff(signal?: AbortSignal): Promise<StaffList> {
  return api.send<StaffList>('GET', '/api/v1/staff', undefined, { signal });
}

/** A new colleague, with a one-time password that is shown once (owner only; R-STAFF-3). */
export function createStaff(body: StaffInput): Promise<NewStaffAccount> {
  return api.send<NewStaffAccount>('POST', '/api/v1/staff', body);
}

/** Role, locations, end date, or disabled (`active: false`) and enabled again (owner only; R-STAFF-3). */
export function changeStaff(staffId: string, body: StaffChange): Promise<StaffAccount> {
  return api.send<StaffAccount>('PATCH', `/api/v1/staff/${id(staffId)}`, body);
}

/** A new one-time password for a colleague; their sessions end (owner only; R-STAFF-3). */
export function resetStaffPassword(staffId: string): Promise<NewStaffAccount> {
  return api.send<NewStaffAccount>('POST', `/api/v1/staff/${id(staffId)}/password-reset`);
}

/** Removes a colleague's second factor (a lost phone); their sessions end (owner only; R-STAFF-3). */
export function resetStaffTotp(staffId: string): Promise<StaffAccount> {
  return api.send<StaffAccount>('POST', `/api/v1/staff/${id(staffId)}/totp-reset`);
}

/** A new location (owner only); 409 `name_taken` at `name`. */
export function addLocation(body: LocationInput): Promise<Location> {
  return api.send<Location>('POST', '/api/v1/locations', body);
}

/** Renames, closes or reopens a location (owner only); 409 `last_open_location` for the last open one. */
export function changeLocation(locationId: string, body: LocationChange): Promise<Location> {
  return api.send<Location>('PATCH', `/api/v1/locations/${id(locationId)}`, body);
}

/** A colleague's qualifications, oldest first (the owner, or the colleague; R-STAFF-1). */
export function listQualifications(staffId: string, signal?: AbortSignal): Promise<QualificationList> {
  return api.send<QualificationList>('GET', `/api/v1/staff/${id(staffId)}/qualifications`, undefined, { signal });
}

/** Records a diploma, BIG registration, certificate or training (owner only; R-STAFF-1). */
export function addQualification(staffId: string, body: QualificationInput): Promise<Qualification> {
  return api.send<Qualification>('POST', `/api/v1/staff/${id(staffId)}/qualifications`, body);
}

/** What ends within DAYS days, soonest first (owner only; R-STAFF-1). */
export function listExpiringQualifications(days: number, signal?: AbortSignal): Promise<QualificationList> {
  return api.send<QualificationList>('GET', `/api/v1/qualifications/expiring?days=${days}`, undefined, { signal });
}
