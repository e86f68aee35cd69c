// The one way the app talks to the server: same origin, cookies, JSON, the CSRF header on
// state-changing requests, and Accept-Language so problem `detail` texts come in the user's
// language. A 401 `unauthenticated` (idle expiry) asks the session for a new login and then
// sends the same request again, so the screen that asked never notices.
import type { components } from './schema';

type Schemas = components['schemas'];
export type Me = Schemas['Me'];
export type Role = Schemas['Role'];
export type Location = Schemas['Location'];
export type LocationList = Schemas['LocationList'];
export type Client = Schemas['Client'];
export type ClientList = Schemas['ClientList'];
export type ClientCreate = Schemas['ClientCreate'];
export type ClientPatch = Schemas['ClientPatch'];
export type ClientHistory = Schemas['ClientHistory'];
export type ClientChange = ClientHistory['items'][number];
export type LoginRequest = Schemas['LoginRequest'];
export type LoginResponse = Schemas['LoginResponse'];
export type PasswordChange = Schemas['PasswordChange'];
export type TotpEnrolment = Schemas['TotpEnrolment'];
export type Problem = Schemas['Problem'];
export type ProblemCode = Schemas['ProblemCode'];
export type RecordsConsent = Schemas['RecordsConsent'];
export type PhotoPreference = Schemas['PhotoPreference'];
export type IntakeAnswers = Schemas['IntakeAnswers'];
export type IntakeVersion = Schemas['IntakeVersion'];
export type IntakeHistory = Schemas['IntakeHistory'];
export type Regime = Schemas['Regime'];
export type TreatmentType = Schemas['TreatmentType'];
export type TreatmentTypeList = Schemas['TreatmentTypeList'];
export type TreatmentTypeCreate = Schemas['TreatmentTypeCreate'];
export type TreatmentTypePatch = Schemas['TreatmentTypePatch'];
export type Practice = Schemas['Practice'];
export type PracticePatch = Schemas['PracticePatch'];
export type TrajectoryCreate = Schemas['TrajectoryCreate'];
export type ConsultCreate = Schemas['ConsultCreate'];
export type DecisionCreate = Schemas['DecisionCreate'];
export type ConsentCreate = Schemas['ConsentCreate'];
export type Consult = Schemas['Trajectory']['consults'][number];
export type Decision = Schemas['Trajectory']['decisions'][number];
export type Consent = Schemas['Trajectory']['consents'][number];

export type Session = Schemas['Session'];
export type SessionInput = Schemas['SessionInput'];
export type SessionProduct = Session['products'][number];
export type ProductKind = SessionProduct['kind'];
export type Addendum = Session['addenda'][number];
export type AddendumCreate = Schemas['AddendumCreate'];
export type Trajectory = Schemas['Trajectory'];
export type Photo = Schemas['Photo'];
export type PhotoList = Schemas['PhotoList'];
export type PhotoPhase = Photo['phase'];
export type StaffAccount = Schemas['StaffAccount'];
export type StaffList = Schemas['StaffList'];
export type NewStaffAccount = Schemas['NewStaffAccount'];
export type StaffInput = Schemas['StaffInput'];
export type StaffChange = Schemas['StaffChange'];
export type Qualification = Schemas['Qualification'];
export type QualificationKind = Schemas['QualificationKind'];
export type QualificationList = Schemas['QualificationList'];
export type QualificationInput = Schemas['QualificationInput'];
export type LocationInput = Schemas['LocationInput'];
export type LocationChange = Schemas['LocationChange'];

/** Codes the app adds to the API's own: no answer at all, and a session that was given up. */
export type ErrorCode = ProblemCode | 'network' | 'session_ended' | 'unknown';

/** A refused or failed request; `problem` is the server's problem+json when there was one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Partial<Problem> | null;
  private readonly ownCode: ErrorCode | undefined;

  constructor(status: number, problem: Partial<Problem> | null, ownCode?: ErrorCode) {
    super(problem?.detail ?? ownCode ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.ownCode = ownCode;
  }

  get code(): ErrorCode {
    return this.ownCode ?? this.problem?.code ?? 'unknown';
  }

  get field(): string | undefined {
    return this.problem?.field;
  }

  get detail(): string | undefined {
    return this.problem?.detail;
  }

  /** Seconds to wait (429 answers). */
  get retryAfter(): number | undefined {
    const v = this.problem?.retry_after;
    return typeof v === 'number' && v >= 0 ? v : undefined;
  }
}

/** True for the error a request ends with when the user gave up the expired session. */
export function isSessionEnded(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'session_ended';
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

type Method = 'GET' | 'POST' | 'PATCH';

export interface RequestOptions {
  signal?: AbortSignal;
  /** false: a 401 is an answer, not an expired session (the login itself, the first /me). */
  reauth?: boolean;
}

export interface UploadOptions extends RequestOptions {
  /** Bytes sent so far, of `total`. */
  onProgress?: (loaded: number, total: number) => void;
}

/** The Content-Type of an upload: the file's own image type, or bytes the server recognises. */
const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'];
function uploadType(file: Blob): string {
  return UPLOAD_TYPES.includes(file.type) ? file.type : 'application/octet-stream';
}

/** Resolves when the user has logged in again; rejects (session_ended) when they gave up. */
export type ReauthHandler = () => Promise<void>;

async function readProblem(res: Response): Promise<Partial<Problem> | null> {
  const type = res.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return null;
  try {
    const body: unknown = await res.json();
    return body && typeof body === 'object' ? (body as Partial<Problem>) : null;
  } catch {
    return null;
  }
}

export class ApiClient {
  private csrfToken = '';
  private language = 'nl';
  private reauth: ReauthHandler | null = null;

  setCsrfToken(token: string): void {
    this.csrfToken = token;
  }

  setLanguage(lang: string): void {
    this.language = lang;
  }

  setReauthHandler(handler: ReauthHandler | null): void {
    this.reauth = handler;
  }

  async send<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.withSession(async () => {
      const res = await this.fetchOnce(method, path, body, options.signal);
      if (!res.ok) throw new ApiError(res.status, await readProblem(res));
      if (res.status === 204) return undefined as T;
      return (await res.json()) as T;
    }, options);
  }

  /**
   * POSTs a file as the raw request body (a photo). XMLHttpRequest rather than fetch, for the
   * upload progress (`onProgress` with bytes sent and the total). Same headers, same handling of
   * an expired session and a changed CSRF token as `send`; the file is sent again after those.
   */
  upload<T>(path: string, file: Blob, options: UploadOptions = {}): Promise<T> {
    return this.withSession(() => this.xhrOnce<T>(path, file, options), options);
  }

  /**
   * Runs one attempt; a 401 `unauthenticated` (idle expiry) asks for a new login and a 403
   * `csrf_invalid` fetches the current token, each followed by the same attempt again.
   */
  private async withSession<T>(attempt: () => Promise<T>, options: RequestOptions): Promise<T> {
    let csrfRetried = false;
    for (;;) {
      try {
        return await attempt();
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.status === 401 && err.code === 'unauthenticated' && options.reauth !== false && this.reauth) {
          await this.reauth(); // the server did nothing with the request: sending it again is safe
          options.signal?.throwIfAborted();
          continue;
        }
        if (err.status === 403 && err.code === 'csrf_invalid' && !csrfRetried) {
          // The token changed under us (a login in another tab): fetch the current one once.
          csrfRetried = true;
          const me = await this.send<Me>('GET', '/api/v1/me', undefined, { signal: options.signal });
          this.csrfToken = me.csrf_token;
          continue;
        }
        throw err;
      }
    }
  }

  private xhrOnce<T>(path: string, file: Blob, options: UploadOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const { signal, onProgress } = options;
      if (signal?.aborted) {
        reject(new DOMException('aborted', 'AbortError'));
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.setRequestHeader('Accept-Language', this.language);
      xhr.setRequestHeader('Content-Type', uploadType(file));
      if (this.csrfToken) xhr.setRequestHeader('X-CSRF-Token', this.csrfToken);
      const abort = () => xhr.abort();
      signal?.addEventListener('abort', abort);
      const done = () => signal?.removeEventListener('abort', abort);
      if (onProgress) {
        onProgress(0, file.size);
        xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
      }
      xhr.onload = () => {
        done();
        let body: unknown = null;
        if (/json/i.test(xhr.getResponseHeader('content-type') ?? '')) {
          try {
            body = JSON.parse(xhr.responseText);
          } catch {
            body = null;
          }
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
        else reject(new ApiError(xhr.status, body && typeof body === 'object' ? (body as Partial<Problem>) : null));
      };
      // No answer: the connection dropped, or the server closed it while the body was coming.
      xhr.onerror = () => {
        done();
        reject(new ApiError(0, null, 'network'));
      };
      xhr.ontimeout = xhr.onerror;
      xhr.onabort = () => {
        done();
        reject(new DOMException('aborted', 'AbortError'));
      };
      xhr.send(file);
    });
  }

  private async fetchOnce(method: Method, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': this.language,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    try {
      return await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
        signal,
      });
    } catch (err) {
      if (isAbort(err)) throw err;
      throw new ApiError(0, null, 'network');
    }
  }
}

export const api = new ApiClient();
