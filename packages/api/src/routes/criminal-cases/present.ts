import { can, pseudonym, type Actor, type CriminalCaseState } from '@ctis/core';
import type { CriminalCaseView } from '@ctis/db';
import type { AppContext } from '../../context.ts';

/**
 * Present a criminal case through the deciding rule. Where the rule hides `identity` (analysts,
 * oversight), each suspect's person id becomes a pseudonym; where it hides `victims`, the links to
 * victim cases (and restitution's victim case ids) are dropped: oversight sees complicity and
 * settlements, never who the victims are.
 */
export function criminalCasePresenter(ctx: AppContext) {
  return (view: CriminalCaseView, actor: Actor) => {
    const hideIdentity = view.hiddenFields.includes('identity');
    const hideVictims = view.hiddenFields.includes('victims');
    const person = (id: string) => (hideIdentity ? pseudonym(ctx.deps.keys.blindIndexKey, 'national', id) : id);
    const { victims, ...rest } = view.state;
    const state = {
      ...rest,
      ...(!hideVictims && { victims }),
      suspects: view.state.suspects.map((p) => ({
        ...p,
        personId: person(p.personId),
        sentence: p.sentence && {
          ...p.sentence,
          restitution: p.sentence.restitution.map(({ victimCaseId, ...r }) =>
            hideVictims ? r : { victimCaseId, ...r },
          ),
        },
      })),
    } as Omit<CriminalCaseState, 'victims'> & { victims?: CriminalCaseState['victims'] };
    const write = can(actor, 'criminal_case.write', view.facts, ctx.now()).allowed;
    return {
      id: view.id,
      caseNumber: view.caseNumber,
      personsPseudonymous: hideIdentity,
      victimsHidden: hideVictims,
      state,
      allowedActions: write ? ['criminal_case.write'] : [],
    };
  };
}
