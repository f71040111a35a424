import type { Actor } from '@ctis/core';
import type { OperationView } from '@ctis/db';

/** What the API answers for an operation: explicit fields, never the row. */
export interface OperationDto {
  readonly id: string;
  readonly codeName: string;
  readonly plannedFor: string;
  readonly target: string;
  readonly briefing: string | null;
  readonly criminalCaseId: string | null;
  readonly status: OperationView['status'];
  readonly label: OperationView['label'];
  readonly executedOn: string | null;
  readonly outcome: string | null;
  readonly organisationId: string;
  readonly ownerUserId: string;
  readonly namedOfficerIds: readonly string[];
  /** Only the owner may list who opened it (GET /api/operations/:id/openers). */
  readonly isOwner: boolean;
}

export function presentOperation(view: OperationView, actor: Actor): OperationDto {
  return {
    id: view.id,
    codeName: view.codeName,
    plannedFor: view.plannedFor,
    target: view.target,
    briefing: view.briefing,
    criminalCaseId: view.criminalCaseId,
    status: view.status,
    label: view.label,
    executedOn: view.executedOn,
    outcome: view.outcome,
    organisationId: view.organisationId,
    ownerUserId: view.ownerUserId,
    namedOfficerIds: view.namedOfficerIds,
    isOwner: view.ownerUserId === actor.userId,
  };
}
