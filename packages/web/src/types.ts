/** Shapes of the public API, as the web app uses them. */

export type LangCode = 'km' | 'en';
export type Localised = { en: string; km?: string } & Partial<Record<string, string>>;

export interface Organisation {
  id: string;
  type: string;
  name: Localised;
  province?: string;
  parent?: string;
}

/** A law of the country and its articles. */
export interface Law {
  id: string;
  year?: number;
  name: Localised;
  articles: { number: string; title: Localised }[];
}

export interface PublicConfig {
  country: string;
  name: Localised;
  languages: string[];
  /** ISO 4217, e.g. for restitution amounts. */
  currency?: string;
  provinces: { code: string; name: Localised }[];
  /** Other countries the country works with (ISO 3166-1 alpha-3); not every server sends them yet. */
  countries?: { code: string; name: Localised }[];
  /** Code lists (exploitation types, sectors...); not every server sends them yet. */
  codeLists?: Record<string, { code: string; label: Localised }[]>;
  organisations: Organisation[];
  /** The laws criminal cases are opened and charged under; not every server sends them yet. */
  laws?: Law[];
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
