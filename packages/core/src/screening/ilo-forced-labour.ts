/**
 * The ILO's 11 indicators of forced labour (ILO Special Action Programme to Combat Forced Labour,
 * "ILO indicators of Forced Labour", 2012). Screening questionnaires map their questions to these ids
 * so that answers can be reported against the ILO list whatever questionnaire was used.
 */
export const ILO_FORCED_LABOUR_INDICATORS = [
  { id: 'abuse-of-vulnerability', name: 'Abuse of vulnerability' },
  { id: 'deception', name: 'Deception' },
  { id: 'restriction-of-movement', name: 'Restriction of movement' },
  { id: 'isolation', name: 'Isolation' },
  { id: 'physical-and-sexual-violence', name: 'Physical and sexual violence' },
  { id: 'intimidation-and-threats', name: 'Intimidation and threats' },
  { id: 'retention-of-identity-documents', name: 'Retention of identity documents' },
  { id: 'withholding-of-wages', name: 'Withholding of wages' },
  { id: 'debt-bondage', name: 'Debt bondage' },
  { id: 'abusive-working-and-living-conditions', name: 'Abusive working and living conditions' },
  { id: 'excessive-overtime', name: 'Excessive overtime' },
] as const;

export type IloForcedLabourIndicatorId = (typeof ILO_FORCED_LABOUR_INDICATORS)[number]['id'];

export const ILO_FORCED_LABOUR_IDS = ILO_FORCED_LABOUR_INDICATORS.map((i) => i.id) as [
  IloForcedLabourIndicatorId,
  ...IloForcedLabourIndicatorId[],
];

/** The English name of an ILO forced-labour indicator. */
export function iloForcedLabourName(id: IloForcedLabourIndicatorId): string {
  return ILO_FORCED_LABOUR_INDICATORS.find((i) => i.id === id)!.name;
}
