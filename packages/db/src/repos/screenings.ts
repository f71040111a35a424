import { InputError, type RecordFacts } from '@ctis/core';
import { v7 as uuidv7 } from 'uuid';
import type { ScopedTx } from '../scoped-db.ts';

export interface NewScreening {
  readonly questionnaireId: string;
  readonly questionnaireVersion: string;
  readonly site: string;
  readonly occurredOn: string;
  readonly province: string | null;
  readonly answers: Readonly<Record<string, boolean | null>>;
  readonly result: 'possible_victim' | 'not_indicated';
  /** The person screened; required for a positive result, refused for a negative one without consent. */
  readonly personId: string | null;
  readonly consentToKeepIdentity: boolean;
}

/** Screenings and daily tallies of a site's organisation: records without identity of their own. */
export class ScreeningsRepo {
  constructor(private readonly tx: ScopedTx) {}

  private facts(id: string, organisationId: string, province: string | null): RecordFacts {
    return {
      id,
      ownerUserId: this.tx.actor.userId,
      organisationId,
      province,
      label: 'N',
      teamUserIds: [],
      sharedWithOrganisationIds: [],
      namedUserIds: [],
    };
  }

  async record(input: NewScreening): Promise<string> {
    const id = uuidv7();
    const org = this.tx.actor.organisationId ?? 'system';
    const d = this.tx.authorize('screening.write', 'screening', this.facts(id, org, input.province));
    if (input.result === 'not_indicated' && input.personId && !input.consentToKeepIdentity) {
      throw new InputError(
        'person',
        'a screening that indicates nothing keeps no identity unless the person consents (set consentToKeepIdentity)',
      );
    }
    await this.tx.trx
      .insertInto('screenings')
      .values({
        id,
        questionnaire_id: input.questionnaireId,
        questionnaire_version: input.questionnaireVersion,
        site: input.site,
        organisation_id: org,
        province: input.province,
        occurred_on: input.occurredOn,
        result: input.result,
        answers: JSON.stringify(input.answers),
        person_id: input.personId,
        case_id: null,
        recorded_by: this.tx.actor.userId,
        recorded_at: this.tx.ctx.now(),
      })
      .execute();
    await this.tx.audit({
      action: 'screening.record',
      resourceType: 'screening',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { result: input.result, site: input.site },
    });
    return id;
  }

  async linkCase(screeningId: string, caseId: string): Promise<void> {
    await this.tx.trx.updateTable('screenings').set({ case_id: caseId }).where('id', '=', screeningId).execute();
  }

  /** Add to a site's daily tally (people screened without identities kept). */
  async addTally(input: {
    site: string;
    day: string;
    screened: number;
    indicated: number;
  }): Promise<{ screened: number; indicated: number }> {
    const org = this.tx.actor.organisationId ?? 'system';
    const d = this.tx.authorize(
      'screening.write',
      'screening',
      this.facts(`${org}:${input.site}:${input.day}`, org, null),
    );
    if (input.indicated > input.screened) throw new InputError('indicated', 'cannot exceed the number screened');
    const row = await this.tx.trx
      .insertInto('screening_tallies')
      .values({
        id: uuidv7(),
        organisation_id: org,
        site: input.site,
        day: input.day,
        screened: input.screened,
        indicated: input.indicated,
        recorded_by: this.tx.actor.userId,
        recorded_at: this.tx.ctx.now(),
      })
      .onConflict((c) =>
        c.columns(['organisation_id', 'site', 'day']).doUpdateSet((eb) => ({
          screened: eb('screening_tallies.screened', '+', input.screened),
          indicated: eb('screening_tallies.indicated', '+', input.indicated),
        })),
      )
      .returning(['screened', 'indicated'])
      .executeTakeFirstOrThrow();
    await this.tx.audit({
      action: 'screening.tally',
      resourceType: 'screening_tally',
      resourceId: null,
      rule: d.rule.id,
      reason: null,
      details: { site: input.site, day: input.day, screened: input.screened },
    });
    return row;
  }

  async get(id: string) {
    const row = await this.tx.trx.selectFrom('screenings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return this.tx.notFound('screening.read', 'screening', id);
    const d = this.tx.authorize('screening.read', 'screening', {
      ...this.facts(id, row.organisation_id, row.province),
      ownerUserId: row.recorded_by,
    });
    await this.tx.audit({
      action: 'screening.read',
      resourceType: 'screening',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: {},
    });
    return row;
  }
}
