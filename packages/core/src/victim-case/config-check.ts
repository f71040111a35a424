import type { CountryConfig, REQUIRED_CODE_LISTS } from '../config/schema.ts';
import { InputError } from '../errors.ts';
import type { VictimCaseEvent } from './events.ts';

/** The parts of the country configuration an event's codes refer to. */
export type VictimCaseConfig = Pick<
  CountryConfig,
  'country' | 'countries' | 'provinces' | 'organisations' | 'codeLists'
>;

/**
 * Checks the codes and ids in an event against the country configuration: organisations, provinces,
 * countries (the configured country or one of its listed countries) and the HTCDS code lists.
 * Throws InputError at the first unknown value, with its field path (e.g. `types.1`).
 */
export function checkEventAgainstConfig(event: VictimCaseEvent, cfg: VictimCaseConfig): void {
  const check = (path: string, value: string | undefined, known: readonly string[], fix: string) => {
    if (value !== undefined && !known.includes(value)) throw new InputError(path, `unknown value "${value}" — ${fix}`);
  };
  const orgIds = cfg.organisations.map((o) => o.id);
  const provinces = cfg.provinces.map((p) => p.code);
  const countries = [cfg.country, ...cfg.countries.map((c) => c.code)];
  const org = (path: string, id: string | undefined) =>
    check(path, id, orgIds, 'use an organisation id from the configuration');
  const province = (path: string, code: string | undefined) =>
    check(path, code, provinces, 'use a province code from the configuration, e.g. "KH-12"');
  const country = (path: string, code: string | undefined) =>
    check(path, code, countries, 'use the configured country or one of its listed countries');
  const codes = (path: string, list: (typeof REQUIRED_CODE_LISTS)[number], values: readonly string[]) => {
    const known = cfg.codeLists[list].map((c) => c.code);
    values.forEach((v, i) => check(`${path}.${i}`, v, known, `use a code from the "${list}" code list`));
  };

  switch (event.type) {
    case 'case_opened':
      org('organisationId', event.organisationId);
      province('province', event.province);
      return;
    case 'identification_recorded':
      return void org('authorityOrganisationId', event.authorityOrganisationId);
    case 'exploitation_recorded':
      codes('types', 'exploitationTypes', event.types);
      codes('sectors', 'sectors', event.sectors);
      codes('methodsOfControl', 'methodsOfControl', event.methodsOfControl);
      codes('recruitmentMethods', 'recruitmentMethods', event.recruitmentMethods);
      country('recruitmentCountry', event.recruitmentCountry);
      province('recruitmentProvince', event.recruitmentProvince);
      country('exploitationCountry', event.exploitationCountry);
      province('exploitationProvince', event.exploitationProvince);
      return;
    case 'referral_made':
      org('fromOrganisationId', event.fromOrganisationId);
      org('toOrganisationId', event.toOrganisationId);
      return;
    case 'service_started':
      return void org('providerOrganisationId', event.providerOrganisationId);
    case 'custody_transferred':
      return void org('toOrganisationId', event.toOrganisationId);
    case 'returned_to_family':
      return void org('assessedBy', event.assessedBy);
    case 'repatriation_recorded':
      country('country', event.country);
      event.assistingOrganisationIds.forEach((id, i) => org(`assistingOrganisationIds.${i}`, id));
      return;
    case 'consent_given':
    case 'consent_withdrawn':
    case 'referral_answered':
    case 'service_ended':
    case 'guardianship_consent_recorded':
    case 'repatriation_completed':
    case 'follow_up_recorded':
    case 'restitution_ordered':
    case 'restitution_paid':
    case 'case_closed':
    case 'case_reopened':
      return;
    default: {
      const _: never = event;
      return _;
    }
  }
}
