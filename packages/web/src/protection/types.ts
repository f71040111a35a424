/** Shapes of the protection API (persons, screenings, victim cases), as the web app uses them. */
import type { Localised } from '../types';

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface PersonName {
  script: 'khmr' | 'latn' | 'other';
  family?: string;
  given?: string;
  full?: string;
}

export interface Identity {
  names: PersonName[];
  aliases?: string[];
  dateOfBirth?: string;
  documents?: { type: string; number: string; country?: string }[];
  phones?: string[];
  addresses?: { text: string; province?: string }[];
}

/** Fields the deciding access rule hides are absent. */
export interface Person {
  id: string;
  organisationId?: string;
  province?: string | null;
  label?: string;
  sex?: Sex | null;
  birthYear?: number | null;
  nationality?: string | null;
  erased?: boolean;
  identity?: Identity | null;
  allowedActions: string[];
}

export interface Indicator {
  id: string;
  text: Localised;
  strength: 'strong' | 'medium' | 'weak';
}

export interface Dimension {
  id: string;
  title: Localised;
  informational?: boolean;
  indicators: Indicator[];
}

export interface CaseElement {
  id: string;
  title: Localised;
  anyOf: string[];
  min?: number;
}

export interface Questionnaire {
  id: string;
  version: string;
  title: Localised;
  population: string;
  exploitation: string;
  dimensions: Dimension[];
  rule: { caseRule: { allOf: CaseElement[] } };
}

/** Indicator id -> yes (true), no (false), unknown (null). */
export type Answers = Record<string, boolean | null>;

export interface DimensionOutcome {
  id: string;
  positive: boolean;
  strong: number;
  medium: number;
  weak: number;
  yes: string[];
}

export type ScreeningResultCode = 'possible_victim' | 'not_indicated';

export interface ScreeningOutcome {
  screeningId: string;
  personId: string | null;
  caseId: string | null;
  caseNumber: string | null;
  result: ScreeningResultCode;
  reasons: string[];
  dimensions: DimensionOutcome[];
  unanswered: string[];
}

export type * from './case-types';
