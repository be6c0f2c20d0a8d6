// Given/when/then of the agency and evidence-library deciders, and of the zod rules of their commands.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import { agencyCommands, agencyDecider, type AgencyCommand, type AgencyEvent } from '../src/domain/agencies.ts';
import { evidenceCommands, evidenceDecider, type EvidenceCommand, type EvidenceEvent } from '../src/domain/evidence.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0042', name: 'Aizada Toktosunova', roles: ['inspector'] },
  now: '2026-01-10T09:30:00.000Z',
  commandId: 'c0ffee00-0000-4000-8000-000000000001',
};
const agencyId = '7b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const evidenceId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

const criteria = [
  { code: '1.1', standard: '1. Quality assurance policy', title: 'Mission and strategic plans' },
  { code: '1.2', standard: '1. Quality assurance policy', title: 'Annual monitoring of plans' },
];

const registered: AgencyEvent = {
  type: 'AgencyRegistered',
  data: {
    agencyId,
    name: 'IAAR',
    kind: 'international',
    country: 'Kazakhstan',
    registeredFrom: '2017-04-06',
    registeredUntil: '2027-04-05',
    memberships: ['eqar', 'enqa', 'wfme'],
  },
};
const published = (version = 1, adoptedOn = '2024-01-10'): AgencyEvent => ({
  type: 'AgencyFrameworkPublished',
  data: { agencyId, framework: 'programme', version, title: 'Standards of programme accreditation', adoptedOn, criteria },
});

const register: AgencyCommand = { type: 'registerAgency', ...registered.data } as AgencyCommand;
const publish = (adoptedOn = '2024-01-10'): AgencyCommand => ({
  type: 'publishAgencyFramework',
  agencyId,
  framework: 'programme',
  title: 'Standards of programme accreditation',
  adoptedOn,
  criteria,
});
const renew = (registeredUntil: string): AgencyCommand => ({ type: 'renewAgencyRegistration', agencyId, registeredUntil, memberships: ['eqar'] });

describe('agency decider', () => {
  const spec = deciderSpec(agencyDecider, context);

  it('registers an agency once', () => {
    spec.given([]).when(register).then([registered]);
    spec.given([registered]).when(register).thenThrows('AGENCY_ALREADY_REGISTERED');
  });

  it('refuses every other command for an agency that is not registered', () => {
    spec.given([]).when(publish()).thenThrows('AGENCY_NOT_FOUND');
    spec.given([]).when(renew('2030-01-01')).thenThrows('AGENCY_NOT_FOUND');
  });

  it('numbers the versions of a framework, each published again getting the next', () => {
    spec
      .given([registered])
      .when(publish())
      .then([published(1)]);
    spec
      .given([registered, published(1)])
      .when(publish('2025-09-01'))
      .then([published(2, '2025-09-01')]);
  });

  it('refuses a version adopted before the one in force', () => {
    spec
      .given([registered, published(1)])
      .when(publish('2023-12-31'))
      .thenThrows('FRAMEWORK_VERSION_OUT_OF_ORDER');
  });

  it('renews a registration only to a later end', () => {
    spec
      .given([registered])
      .when(renew('2032-04-05'))
      .then([{ type: 'AgencyRegistrationRenewed', data: { agencyId, registeredUntil: '2032-04-05', memberships: ['eqar'] } }]);
    spec.given([registered]).when(renew('2027-04-05')).thenThrows('REGISTRATION_NOT_EXTENDED');
  });

  it('validates the input: dates in order, criteria not repeated, keys and codes in their form', () => {
    const bad = agencyCommands.registerAgency.safeParse({ ...registered.data, registeredUntil: '2016-01-01' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['registeredUntil', 'must be after registeredFrom']]);
    const repeated = agencyCommands.publishAgencyFramework.safeParse({
      agencyId,
      framework: 'programme',
      title: 'T',
      adoptedOn: '2024-01-10',
      criteria: [criteria[0], criteria[0]],
    });
    expect(repeated.error?.issues.map((i) => i.path.join('.'))).toEqual(['criteria']);
    const key = agencyCommands.publishAgencyFramework.safeParse({
      agencyId,
      framework: 'Programme Standards',
      title: 'T',
      adoptedOn: '2024-01-10',
      criteria: [],
    });
    expect(key.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['criteria', 'framework']);
  });
});

const evidenceRegistered: EvidenceEvent = {
  type: 'EvidenceRegistered',
  data: {
    evidenceId,
    title: 'Quality assurance policy of OshSU',
    kind: 'regulation',
    reference: 'https://oshsu.kg/quality/policy.pdf',
    ownerUnit: 'Department of Strategic Planning',
    registeredOn: '2025-09-01',
  },
};
const revise = (revisedOn: string): EvidenceCommand => ({
  type: 'reviseEvidence',
  evidenceId,
  reference: 'https://oshsu.kg/quality/policy-2026.pdf',
  note: 'Approved by the Academic Council, minutes 5',
  revisedOn,
});

describe('evidence library decider', () => {
  const spec = deciderSpec(evidenceDecider, context);

  it('keeps a document once and counts its versions', () => {
    spec
      .given([])
      .when({ type: 'registerEvidence', ...evidenceRegistered.data } as EvidenceCommand)
      .then([evidenceRegistered]);
    spec
      .given([evidenceRegistered])
      .when({ type: 'registerEvidence', ...evidenceRegistered.data } as EvidenceCommand)
      .thenThrows('EVIDENCE_ALREADY_REGISTERED');
    spec
      .given([evidenceRegistered])
      .when(revise('2026-01-20'))
      .then([
        {
          type: 'EvidenceRevised',
          data: {
            evidenceId,
            version: 2,
            reference: 'https://oshsu.kg/quality/policy-2026.pdf',
            note: 'Approved by the Academic Council, minutes 5',
            revisedOn: '2026-01-20',
          },
        },
      ]);
  });

  it('refuses a revision of an unknown document or dated before the version it replaces', () => {
    spec.given([]).when(revise('2026-01-20')).thenThrows('EVIDENCE_NOT_FOUND');
    spec.given([evidenceRegistered]).when(revise('2025-08-31')).thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('validates the input', () => {
    const bad = evidenceCommands.registerEvidence.safeParse({ ...evidenceRegistered.data, kind: 'poem', title: ' ' });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['kind', 'title']);
  });
});
