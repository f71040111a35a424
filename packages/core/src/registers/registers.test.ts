import { describe, expect, it } from 'vitest';
import { INSPECTION_CHECKLISTS, INSPECTION_SECTORS } from './checklists.ts';
import { derivedFields, REGISTER_IDS, REGISTERS } from './definitions.ts';
import { checkRegisterRecord, parseRegisterRecord, type RegisterConfig } from './validate.ts';

const name = { en: 'x' };
const cfg = {
  country: 'KHM',
  countries: [{ code: 'THA', name }],
  provinces: [
    { code: 'KH-1', name },
    { code: 'KH-12', name },
  ],
  organisations: [
    { id: 'ncct', type: 'national-committee', name },
    { id: 'pctc-bmc', type: 'provincial-committee', name },
    { id: 'mlvt-inspection', type: 'labour-inspectorate', name },
    { id: 'ahtjp', type: 'police', name },
  ],
} as unknown as RegisterConfig;

const training = {
  organiserOrganisationId: 'ncct',
  date: '2017-05-02',
  province: 'KH-12',
  topic: 'Victim identification',
  audience: 'law_enforcement',
  participantsFemale: 7,
  participantsMale: 17,
};
const inspection = {
  inspectorOrganisationId: 'mlvt-inspection',
  date: '2017-04-11',
  province: 'KH-1',
  sector: 'brick_kiln',
  indicators: ['advance_payment_debt', 'children_working'],
  workersInterviewed: 12,
  outcome: 'referred_protection',
};
const issues = (register: keyof typeof REGISTERS, raw: unknown) => {
  const r = checkRegisterRecord(REGISTERS[register], raw, cfg);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('register definitions', () => {
  it('every register lists existing fields in its summary and names who records it', () => {
    for (const id of REGISTER_IDS) {
      const d = REGISTERS[id];
      const names = new Set([...d.fields.map((f) => f.name), ...derivedFields(d)]);
      for (const s of d.summary) expect(names.has(s), `${id}.${s}`).toBe(true);
      expect(d.recordedBy.length, id).toBeGreaterThan(0);
      if (d.provinceField) expect(names.has(d.provinceField)).toBe(true);
    }
  });

  it('every inspection sector has a checklist', () => {
    for (const s of INSPECTION_SECTORS) expect(INSPECTION_CHECKLISTS[s].length).toBeGreaterThan(3);
  });
});

describe('checkRegisterRecord', () => {
  it('accepts a valid record and adds the derived fields', () => {
    const t = parseRegisterRecord(REGISTERS.trainings, training, cfg);
    expect(t['participantsTotal']).toBe(24);
    const budget = parseRegisterRecord(
      REGISTERS.budgets,
      {
        bodyOrganisationId: 'ncct',
        fiscalYear: 2017,
        amountKhr: 4_900_000_000,
        exchangeRateKhrPerUsd: 4083.3333,
        purpose: 'NCCT operations',
      },
      cfg,
    );
    expect(budget['amountUsd']).toBe(1_200_000);
    expect(parseRegisterRecord(REGISTERS.inspections, inspection, cfg)['debtBondage']).toBe(true);
    expect(
      parseRegisterRecord(REGISTERS.inspections, { ...inspection, indicators: ['children_working'] }, cfg)[
        'debtBondage'
      ],
    ).toBe(false);
  });

  it('reports every issue with its field: types, unknown fields, configuration', () => {
    expect(issues('trainings', { ...training, participantsMale: -1, audience: 'pilots', extra: 1 })).toEqual([
      expect.stringMatching(/^audience: is not one of/),
      'participantsMale: is less than 0',
      ': unknown field(s): extra',
    ]);
    expect(issues('trainings', { ...training, organiserOrganisationId: 'nobody', province: 'KH-99' })).toEqual([
      expect.stringMatching(/^organiserOrganisationId: unknown organisation "nobody"/),
      expect.stringMatching(/^province: unknown province "KH-99"/),
    ]);
    expect(
      issues('budgets', {
        bodyOrganisationId: 'ahtjp',
        fiscalYear: 2017,
        amountKhr: 1,
        exchangeRateKhrPerUsd: 4000,
        purpose: 'x',
      }),
    ).toEqual([expect.stringMatching(/^bodyOrganisationId: "ahtjp" is a police/)]);
  });

  it('checks an inspection’s indicators against its sector’s checklist', () => {
    expect(
      issues('inspections', { ...inspection, indicators: ['advance_payment_debt', 'transshipment_at_sea'] }),
    ).toEqual(['indicators.1: "transshipment_at_sea" is not on the brick_kiln checklist']);
  });

  it('applies cross-field rules', () => {
    const campaign = {
      organiserOrganisationId: 'ncct',
      startDate: '2017-06-01',
      endDate: '2017-05-01',
      audience: 'migrant_workers',
      channel: 'outreach_team',
      target: 'migrant_documentation',
      reach: 1000,
    };
    expect(issues('campaigns', campaign)).toEqual([expect.stringMatching(/^endDate: is before startDate/)]);
    expect(issues('recruitment_agencies', { name: 'A', licenceStatus: 'licensed', province: 'KH-12' })).toEqual([
      'licenceNumber: is missing — a licensed agency has a licence number',
    ]);
    expect(
      issues('budgets', {
        bodyOrganisationId: 'ncct',
        fiscalYear: 2017,
        amountKhr: 1,
        exchangeRateKhrPerUsd: 0,
        purpose: 'x',
      }),
    ).toEqual(['exchangeRateKhrPerUsd: must be more than 0 riels per dollar']);
  });

  it('parseRegisterRecord throws an InputError at the first bad field', () => {
    expect(() => parseRegisterRecord(REGISTERS.trainings, { ...training, date: '2017-02-30' }, cfg)).toThrow(/date/);
  });
});
