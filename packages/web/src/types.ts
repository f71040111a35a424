/** Shapes of the public API, as the web app uses them. */

export type LangCode = 'km' | 'en';
export type Localised = { en: string; km?: string } & Partial<Record<string, string>>;

export interface PublicConfig {
  country: string;
  name: Localised;
  languages: string[];
  provinces: { code: string; name: Localised }[];
  organisations: { id: string; type: string; name: Localised; province?: string }[];
  roles: { id: string; name: Localised }[];
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  organisation: { id: string; name: Localised };
  roles: string[];
  actions: string[];
  mfaEnabled: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export type UserStatus = 'active' | 'disabled' | 'pending';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  roles: string[];
  status: UserStatus;
  mfaEnabled: boolean;
  lastLoginAt: string | null;
}

export interface ResetStart {
  username: string;
  mfaRequired: boolean;
  totpSecret?: string;
  otpauthUri?: string;
}
