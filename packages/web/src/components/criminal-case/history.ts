import type { DescribeEvent } from '../case/history';
import {
  APPEAL_OUTCOMES,
  CRIMINAL_CLOSURE_REASONS,
  CRIMINAL_EXPLOITATION,
  MEASURES,
  VERDICT_OUTCOMES,
} from '../../prosecution/labels';
import { suspectNumber } from '../../prosecution/suspects';
import type { CriminalCaseState } from '../../prosecution/types';
import { label } from '../../protection/labels';

/** A one-line account of each criminal case event; suspects by their number in the case. */
export function criminalDescriber(state: CriminalCaseState): DescribeEvent {
  return (e, t, names) => {
    const s = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : '');
    const suspect = t('Suspect {{n}}', { n: suspectNumber(state, s('suspectId')) });
    switch (e.type) {
      case 'investigation_opened':
        return `${names.org(s('leadUnitOrganisationId'))} — ${label(CRIMINAL_EXPLOITATION, s('exploitation'), t)}`;
      case 'suspect_added':
        return e['arrested'] === true ? `${suspect} — ${t('arrested')}` : suspect;
      case 'evidence_supplied':
        return names.org(s('prosecutorOrganisationId'));
      case 'charged':
        return `${suspect} — ${names.org(s('prosecutorOrganisationId'))} → ${names.org(s('courtOrganisationId'))}`;
      case 'trial_opened':
        return names.org(s('courtOrganisationId'));
      case 'pretrial_measure': {
        const every = e['checkInEveryDays'];
        const schedule = typeof every === 'number' ? `, ${t('every {{days}} days', { days: every })}` : '';
        return `${suspect} — ${label(MEASURES, s('measure'), t)}${schedule}`;
      }
      case 'check_in_recorded':
      case 'check_in_missed':
      case 'absconded':
      case 'arrest_warrant_issued':
      case 'rearrested':
      case 'sentence':
        return suspect;
      case 'verdict':
        return `${suspect} — ${label(VERDICT_OUTCOMES, s('outcome'), t)}`;
      case 'appeal':
        return `${suspect} — ${names.org(s('courtOrganisationId'))}${s('outcome') ? `: ${label(APPEAL_OUTCOMES, s('outcome'), t)}` : ''}`;
      case 'case_closed':
        return label(CRIMINAL_CLOSURE_REASONS, s('reason'), t);
      default:
        return '';
    }
  };
}
