/**
 * Labour-inspection checklists by sector, carrying the ILO forced-labour and debt-bondage
 * indicators an inspector looks for there. An inspection records the indicators found; those in
 * DEBT_BONDAGE_INDICATORS make it a debt-bondage finding.
 */
export const INSPECTION_SECTORS = [
  'brick_kiln',
  'fishing_vessel',
  'plantation',
  'recruitment_agency',
  'sub_licensed_broker',
  'lending_institution',
] as const;
export type InspectionSector = (typeof INSPECTION_SECTORS)[number];

export const INSPECTION_CHECKLISTS: Readonly<Record<InspectionSector, readonly string[]>> = {
  brick_kiln: [
    'advance_payment_debt',
    'debt_passed_to_family',
    'wages_withheld_against_debt',
    'not_free_to_leave_until_repaid',
    'children_working',
    'whole_family_recruited',
    'excessive_hours',
    'no_written_contract',
  ],
  fishing_vessel: [
    'recruitment_debt',
    'documents_withheld',
    'confined_on_vessel',
    'transshipment_at_sea',
    'wages_withheld_against_debt',
    'physical_violence',
    'excessive_hours',
    'no_written_contract',
  ],
  plantation: [
    'recruitment_debt',
    'housing_or_food_debt',
    'wages_withheld_against_debt',
    'documents_withheld',
    'children_working',
    'threats',
    'excessive_hours',
  ],
  recruitment_agency: [
    'fees_charged_to_workers',
    'recruitment_debt',
    'deceptive_job_offer',
    'documents_withheld',
    'contract_substitution',
    'confinement_in_training_centre',
    'unlicensed_sub_broker',
  ],
  sub_licensed_broker: [
    'fees_charged_to_workers',
    'recruitment_debt',
    'deceptive_job_offer',
    'documents_withheld',
    'minors_recruited',
  ],
  lending_institution: [
    'land_title_collateral_for_migration',
    'loan_repaid_by_labour',
    'interest_above_legal_cap',
    'loan_tied_to_employer',
    'coercive_collection',
  ],
};

/** Indicators that amount to debt bondage (ILO: "debt bondage" and "withholding of wages"). */
export const DEBT_BONDAGE_INDICATORS: ReadonlySet<string> = new Set([
  'advance_payment_debt',
  'debt_passed_to_family',
  'wages_withheld_against_debt',
  'not_free_to_leave_until_repaid',
  'recruitment_debt',
  'housing_or_food_debt',
  'loan_repaid_by_labour',
  'land_title_collateral_for_migration',
]);

export const ALL_INDICATORS: readonly string[] = [...new Set(Object.values(INSPECTION_CHECKLISTS).flat())];
