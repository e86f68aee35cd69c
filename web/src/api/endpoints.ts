// Typed calls of api/openapi.yaml (types generated into schema.d.ts by `npm run gen:api`).
import {
  api,
  type Client,
  type ClientCreate,
  type ClientList,
  type LoginRequest,
  type LoginResponse,
  type Me,
  type PasswordChange,
  type RequestOptions,
  type TotpEnrolment,
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
