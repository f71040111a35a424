import type { CountryConfig } from '../config/schema.ts';
import { InputError } from '../errors.ts';
import type { CriminalCaseEvent } from './events.ts';

/** The parts of the country configuration a criminal-case event refers to. */
export type CriminalCaseConfig = Pick<CountryConfig, 'country' | 'provinces' | 'organisations' | 'laws'>;

/** How a charged article is written: `<law id>:<article number>`, e.g. "law-2008-suppression-human-trafficking:15". */
export function articleRef(lawId: string, article: string): string {
  return `${lawId}:${article}`;
}

/**
 * Checks the ids in a criminal-case event against the country configuration: organisations of the
 * right type (a prosecutor's office for evidence and charges, a court for charges, trials and
 * appeals), provinces, and laws and their articles. Throws InputError at the first unknown value.
 */
export function checkCriminalEventAgainstConfig(event: CriminalCaseEvent, cfg: CriminalCaseConfig): void {
  const types = new Map(cfg.organisations.map((o) => [o.id, o.type]));
  const org = (path: string, id: string | undefined, type?: string) => {
    if (id === undefined) return;
    const actual = types.get(id);
    if (actual === undefined)
      throw new InputError(path, `unknown organisation "${id}" — use an organisation id from the configuration`);
    if (type && actual !== type)
      throw new InputError(path, `"${id}" is a ${actual}, not a ${type} — choose an organisation of type ${type}`);
  };
  const article = (path: string, lawId: string, number: string) => {
    const law = cfg.laws.find((l) => l.id === lawId);
    if (!law) throw new InputError(path, `unknown law "${lawId}" — use a law id from the configuration`);
    if (!law.articles.some((a) => a.number === number))
      throw new InputError(path, `article ${number} is not in ${lawId} — use an article listed in the configuration`);
  };

  switch (event.type) {
    case 'investigation_opened':
      org('leadUnitOrganisationId', event.leadUnitOrganisationId);
      if (event.province !== undefined && !cfg.provinces.some((p) => p.code === event.province))
        throw new InputError(
          'province',
          `unknown value "${event.province}" — use a province code from the configuration`,
        );
      return article('legalBasis.article', event.legalBasis.lawId, event.legalBasis.article);
    case 'evidence_supplied':
      return org('prosecutorOrganisationId', event.prosecutorOrganisationId, 'prosecutor');
    case 'charged':
      org('prosecutorOrganisationId', event.prosecutorOrganisationId, 'prosecutor');
      org('courtOrganisationId', event.courtOrganisationId, 'court');
      event.articles.forEach((ref, i) => {
        const at = ref.lastIndexOf(':');
        if (at <= 0)
          throw new InputError(
            `articles.${i}`,
            `"${ref}" is not "<law id>:<article>" — e.g. "${articleRef(cfg.laws[0]?.id ?? 'law', '15')}"`,
          );
        article(`articles.${i}`, ref.slice(0, at), ref.slice(at + 1));
      });
      return;
    case 'trial_opened':
    case 'appeal':
      return org('courtOrganisationId', event.courtOrganisationId, 'court');
    case 'pretrial_measure':
      return org('supervisingOrganisationId', event.supervisingOrganisationId);
    default:
      return;
  }
}
