// Given/when/then specification of the licensing decider (DOMAIN.md §3.1, licensing) and of the
// zod schemas its commands are validated with. Dates, ids and the command context are fixed, so a
// failure always means the rules changed, never the clock.
import { describe, expect, it } from 'vitest';
import { fold, type CommandContext } from '../src/domain/decider.ts';
import { licensingCommands, licensingDecider, type LicenseState, type LicensingCommand, type LicensingEvent, type Programme } from '../src/domain/licensing.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0042', name: 'Aizada Toktosunova', roles: ['head_of_accreditation_sector'], unit: 'accreditation-and-licensing' },
  now: '2025-06-01T09:30:00.000Z',
  commandId: '9d1b5c7e-2f4a-4b8c-9e3d-7a6f5b4c3d2e',
};
const spec = deciderSpec(licensingDecider, context);
/** Five years on: the licence below (valid until 2030-03-14) has run out, so its expiry can be recorded. */
const afterValidity = deciderSpec(licensingDecider, { ...context, now: '2030-06-01T03:00:00.000Z' });

const licenseId = '3f2a8c1e-5b7d-4e9a-8c6f-1d2e3f4a5b6c';

type Command<Name extends LicensingCommand['type']> = Extract<LicensingCommand, { type: Name }>;
type Event<Type extends LicensingEvent['type']> = Extract<LicensingEvent, { type: Type }>;
type Input<Name extends LicensingCommand['type']> = Omit<Command<Name>, 'type' | 'licenseId'>;

// ---------------------------------------------------------------------------------------------
// Fixtures: one programme and a licence whose steps happen on these dates.
// ---------------------------------------------------------------------------------------------
const programme: Programme = {
  code: '560001',
  name: { ky: 'Дарылоо иши', ru: 'Лечебное дело', en: 'General Medicine' },
  level: 'specialist',
  formOfStudy: 'full_time',
  faculty: 'International Medical Faculty',
};
const ADDRESS = 'Osh, Lenin Avenue 331';
const SUBMITTED_ON = '2025-01-15';
const FORMED_ON = '2025-02-01';
const CONCLUDED_ON = '2025-03-01';
const GRANTED_ON = '2025-03-15';
const VALID_UNTIL = '2030-03-14';
const SUSPENDED_ON = '2026-01-10';

const members = [
  { name: 'Bakyt Mamatov', role: 'chair' as const, affiliation: 'Ministry of Science, Higher Education and Innovation' },
  { name: 'Gulnara Abdyrakhmanova', role: 'member' as const },
  { name: 'Nurlan Sydykov', role: 'secretary' as const },
];

// Events, with overridable data.
const applied = (data: Partial<Event<'LicenseApplied'>['data']> = {}): Event<'LicenseApplied'> => ({
  type: 'LicenseApplied',
  data: { licenseId, programme, requestedCapacity: 120, address: ADDRESS, submittedOn: SUBMITTED_ON, ...data },
});
const groupFormed = (data: Partial<Event<'ExpertGroupFormed'>['data']> = {}): Event<'ExpertGroupFormed'> => ({
  type: 'ExpertGroupFormed',
  data: { licenseId, kind: 'expert_group', members, formedOn: FORMED_ON, ...data },
});
const concluded = (data: Partial<Event<'ExpertConclusionRecorded'>['data']> = {}): Event<'ExpertConclusionRecorded'> => ({
  type: 'ExpertConclusionRecorded',
  data: { licenseId, outcome: 'positive', summary: 'Staff, facilities and curriculum meet the licensing requirements.', concludedOn: CONCLUDED_ON, ...data },
});
const granted = (data: Partial<Event<'LicenseGranted'>['data']> = {}): Event<'LicenseGranted'> => ({
  type: 'LicenseGranted',
  data: { licenseId, licenseNumber: 'LS-190001', appendixNumber: '7', grantedOn: GRANTED_ON, validUntil: VALID_UNTIL, capacity: 120, ...data },
});
const amended = (data: Partial<Event<'LicenseAmended'>['data']> = {}): Event<'LicenseAmended'> => ({
  type: 'LicenseAmended',
  data: { licenseId, capacity: 150, reason: 'New anatomy building commissioned.', amendedOn: '2025-09-01', ...data },
});
const suspended = (data: Partial<Event<'LicenseSuspended'>['data']> = {}): Event<'LicenseSuspended'> => ({
  type: 'LicenseSuspended',
  data: { licenseId, reason: 'Inspection found a shortage of clinical bases.', suspendedOn: SUSPENDED_ON, orderNumber: '12/Л', ...data },
});
const resumed = (data: Partial<Event<'LicenseResumed'>['data']> = {}): Event<'LicenseResumed'> => ({
  type: 'LicenseResumed',
  data: { licenseId, resumedOn: '2026-02-01', reason: 'Clinical bases contracted.', ...data },
});
const revoked = (data: Partial<Event<'LicenseRevoked'>['data']> = {}): Event<'LicenseRevoked'> => ({
  type: 'LicenseRevoked',
  data: { licenseId, reason: 'Violations not remedied.', basis: 'Court decision No. 2-145/26', revokedOn: '2026-06-01', ...data },
});
const expired = (data: Partial<Event<'LicenseExpired'>['data']> = {}): Event<'LicenseExpired'> => ({
  type: 'LicenseExpired',
  data: { licenseId, expiredOn: '2030-03-15', ...data },
});

// Commands, with overridable input.
const apply = (input: Partial<Input<'applyForLicense'>> = {}): Command<'applyForLicense'> => ({
  type: 'applyForLicense',
  licenseId,
  programme,
  requestedCapacity: 120,
  address: ADDRESS,
  submittedOn: SUBMITTED_ON,
  ...input,
  registry: input.registry ?? {},
});
const formGroup = (input: Partial<Input<'formExpertGroup'>> = {}): Command<'formExpertGroup'> => ({
  type: 'formExpertGroup',
  licenseId,
  kind: 'expert_group',
  members,
  formedOn: FORMED_ON,
  ...input,
});
const conclude = (input: Partial<Input<'recordExpertConclusion'>> = {}): Command<'recordExpertConclusion'> => ({
  type: 'recordExpertConclusion',
  licenseId,
  outcome: 'positive',
  summary: 'Staff, facilities and curriculum meet the licensing requirements.',
  concludedOn: CONCLUDED_ON,
  ...input,
});
const grant = (input: Partial<Input<'grantLicense'>> = {}): Command<'grantLicense'> => ({
  type: 'grantLicense',
  licenseId,
  licenseNumber: 'LS-190001',
  appendixNumber: '7',
  grantedOn: GRANTED_ON,
  validUntil: VALID_UNTIL,
  ...input,
  registry: input.registry ?? {},
});
const amend = (input: Partial<Input<'amendLicense'>> = {}): Command<'amendLicense'> => ({
  type: 'amendLicense',
  licenseId,
  reason: 'New anatomy building commissioned.',
  amendedOn: '2025-09-01',
  ...input,
});
const suspend = (input: Partial<Input<'suspendLicense'>> = {}): Command<'suspendLicense'> => ({
  type: 'suspendLicense',
  licenseId,
  reason: 'Inspection found a shortage of clinical bases.',
  suspendedOn: SUSPENDED_ON,
  orderNumber: '12/Л',
  ...input,
});
const resume = (input: Partial<Input<'resumeLicense'>> = {}): Command<'resumeLicense'> => ({
  type: 'resumeLicense',
  licenseId,
  resumedOn: '2026-02-01',
  reason: 'Clinical bases contracted.',
  ...input,
});
const revoke = (input: Partial<Input<'revokeLicense'>> = {}): Command<'revokeLicense'> => ({
  type: 'revokeLicense',
  licenseId,
  reason: 'Violations not remedied.',
  basis: 'Court decision No. 2-145/26',
  revokedOn: '2026-06-01',
  ...input,
});
const recordExpiry = (input: Partial<Input<'recordLicenseExpiry'>> = {}): Command<'recordLicenseExpiry'> => ({
  type: 'recordLicenseExpiry',
  licenseId,
  expiredOn: '2030-03-15',
  ...input,
});

// Histories: the stream as it stands at each step of the lifecycle.
const h = {
  applied: [applied()],
  underReview: [applied(), groupFormed()],
  positive: [applied(), groupFormed(), concluded()],
  negative: [applied(), groupFormed(), concluded({ outcome: 'negative', summary: 'Too few staff with medical degrees.' })],
  active: [applied(), groupFormed(), concluded(), granted()],
  activeIndefinite: [applied(), groupFormed(), concluded(), granted({ validUntil: null })],
  suspended: [applied(), groupFormed(), concluded(), granted(), suspended()],
  revoked: [applied(), groupFormed(), concluded(), granted(), revoked()],
  expired: [applied(), groupFormed(), concluded(), granted(), expired()],
} satisfies Record<string, LicensingEvent[]>;

const notGranted = [
  ['applied', h.applied],
  ['under expert review', h.underReview],
  ['positive conclusion', h.positive],
  ['negative conclusion', h.negative],
] as const;

// ---------------------------------------------------------------------------------------------
// Decider
// ---------------------------------------------------------------------------------------------
describe('licensing decider', () => {
  describe('any command other than applyForLicense', () => {
    it.each([
      ['formExpertGroup', formGroup()],
      ['recordExpertConclusion', conclude()],
      ['grantLicense', grant()],
      ['amendLicense', amend({ capacity: 150 })],
      ['suspendLicense', suspend()],
      ['resumeLicense', resume()],
      ['revokeLicense', revoke()],
      ['recordLicenseExpiry', recordExpiry()],
    ] as const)('%s on a licence that does not exist → LICENSE_NOT_FOUND', (_name, command) => {
      spec.given([]).when(command).thenThrows('LICENSE_NOT_FOUND');
    });
  });

  describe('applyForLicense', () => {
    it('is refused when submitted after today in Osh → DATE_IN_FUTURE', () => {
      spec
        .given([])
        .when(apply({ submittedOn: '2025-06-02' }))
        .thenThrows('DATE_IN_FUTURE');
    });

    it('takes today in Osh (UTC+6), which is already tomorrow in UTC at 19:00', () => {
      const evening = deciderSpec(licensingDecider, { ...context, now: '2025-06-01T19:00:00.000Z' });
      evening
        .given([])
        .when(apply({ submittedOn: '2025-06-02' }))
        .then([{ type: 'LicenseApplied', data: { licenseId, programme, requestedCapacity: 120, address: ADDRESS, submittedOn: '2025-06-02' } }]);
    });

    it('is refused while the programme has a pending application → APPLICATION_ALREADY_PENDING', () => {
      spec
        .given([])
        .when(apply({ registry: { pendingApplication: 'b1c2d3e4-0000-4000-8000-000000000001' } }))
        .thenThrows('APPLICATION_ALREADY_PENDING');
    });

    it("links to the programme's expired or revoked licence as previousLicenseId", () => {
      const ended = 'b1c2d3e4-0000-4000-8000-000000000002';
      spec
        .given([])
        .when(apply({ registry: { endedLicense: ended } }))
        .then([
          {
            type: 'LicenseApplied',
            data: { licenseId, programme, requestedCapacity: 120, address: ADDRESS, submittedOn: SUBMITTED_ON, previousLicenseId: ended },
          },
        ]);
    });

    it('records the application with the programme, requested capacity, address and date', () => {
      spec
        .given([])
        .when(apply())
        .then([
          {
            type: 'LicenseApplied',
            data: { licenseId, programme, requestedCapacity: 120, address: ADDRESS, submittedOn: SUBMITTED_ON },
          },
        ]);
    });

    it('leaves the address out of the event when none is given', () => {
      const { address: _address, ...withoutAddress } = apply();
      spec
        .given([])
        .when(withoutAddress)
        .then([{ type: 'LicenseApplied', data: { licenseId, programme, requestedCapacity: 120, submittedOn: SUBMITTED_ON } }]);
    });

    it.each([
      ['applied', h.applied],
      ['active', h.active],
      ['revoked', h.revoked],
      ['expired', h.expired],
    ] as const)('is refused when the licence is already %s → LICENSE_ALREADY_APPLIED', (_label, history) => {
      spec
        .given(history)
        .when(apply({ requestedCapacity: 60 }))
        .thenThrows('LICENSE_ALREADY_APPLIED');
    });
  });

  describe('formExpertGroup', () => {
    it('is refused when formed after today → DATE_IN_FUTURE', () => {
      spec
        .given(h.applied)
        .when(formGroup({ formedOn: '2025-06-02' }))
        .thenThrows('DATE_IN_FUTURE');
    });

    it('forms the group for a fresh application', () => {
      spec
        .given(h.applied)
        .when(formGroup({ kind: 'working_group' }))
        .then([{ type: 'ExpertGroupFormed', data: { licenseId, kind: 'working_group', members, formedOn: FORMED_ON } }]);
    });

    it('re-forming the group while it examines the application replaces it', () => {
      const newMembers = [{ name: 'Ainura Sadykova', role: 'chair' as const }];
      spec
        .given(h.underReview)
        .when(formGroup({ members: newMembers, formedOn: '2025-02-20' }))
        .then([{ type: 'ExpertGroupFormed', data: { licenseId, kind: 'expert_group', members: newMembers, formedOn: '2025-02-20' } }]);
    });

    it('re-forming counts from the new group: a conclusion dated before it is refused', () => {
      spec
        .given([...h.underReview, groupFormed({ formedOn: '2025-04-01' })])
        .when(conclude({ concludedOn: '2025-03-01' }))
        .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    });

    it('re-forming after a positive conclusion discards it: the licence cannot be granted until the new group concludes', () => {
      spec
        .given([...h.positive, groupFormed({ formedOn: '2025-03-05' })])
        .when(grant())
        .thenThrows('EXPERT_CONCLUSION_REQUIRED');
    });

    it('is allowed after a negative conclusion (a second examination)', () => {
      spec
        .given(h.negative)
        .when(formGroup({ formedOn: '2025-04-01' }))
        .then([{ type: 'ExpertGroupFormed', data: { licenseId, kind: 'expert_group', members, formedOn: '2025-04-01' } }]);
    });

    it.each([
      ['active', h.active],
      ['suspended', h.suspended],
      ['revoked', h.revoked],
      ['expired', h.expired],
    ] as const)('is refused once the licence is %s → LICENSE_ALREADY_DECIDED', (_label, history) => {
      spec
        .given(history)
        .when(formGroup({ formedOn: '2026-07-01' }))
        .thenThrows('LICENSE_ALREADY_DECIDED');
    });
  });

  describe('recordExpertConclusion', () => {
    it('records a positive conclusion', () => {
      spec
        .given(h.underReview)
        .when(conclude())
        .then([
          {
            type: 'ExpertConclusionRecorded',
            data: { licenseId, outcome: 'positive', summary: 'Staff, facilities and curriculum meet the licensing requirements.', concludedOn: CONCLUDED_ON },
          },
        ]);
    });

    it('records a negative conclusion', () => {
      spec
        .given(h.underReview)
        .when(conclude({ outcome: 'negative', summary: 'Too few staff with medical degrees.' }))
        .then([
          {
            type: 'ExpertConclusionRecorded',
            data: { licenseId, outcome: 'negative', summary: 'Too few staff with medical degrees.', concludedOn: CONCLUDED_ON },
          },
        ]);
    });

    it('may be dated the same day the group was formed', () => {
      spec
        .given(h.underReview)
        .when(conclude({ concludedOn: FORMED_ON }))
        .then([
          {
            type: 'ExpertConclusionRecorded',
            data: { licenseId, outcome: 'positive', summary: 'Staff, facilities and curriculum meet the licensing requirements.', concludedOn: FORMED_ON },
          },
        ]);
    });

    it('is refused when concluded after today → DATE_IN_FUTURE', () => {
      spec
        .given(h.underReview)
        .when(conclude({ concludedOn: '2025-06-02' }))
        .thenThrows('DATE_IN_FUTURE');
    });

    it('is refused when dated before the group was formed → DATE_BEFORE_PREVIOUS_STEP', () => {
      spec
        .given(h.underReview)
        .when(conclude({ concludedOn: '2025-01-31' }))
        .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    });

    it.each([
      ['no group was formed yet', h.applied],
      ['a conclusion is already recorded', h.positive],
      ['the group already concluded negatively', h.negative],
      ['the licence is granted', h.active],
      ['the licence is revoked', h.revoked],
    ] as const)('is refused when %s → EXPERT_GROUP_REQUIRED', (_label, history) => {
      spec
        .given(history)
        .when(conclude({ concludedOn: '2025-03-10' }))
        .thenThrows('EXPERT_GROUP_REQUIRED');
    });
  });

  describe('grantLicense', () => {
    it('grants after a positive conclusion, carrying the requested capacity', () => {
      spec
        .given(h.positive)
        .when(grant())
        .then([
          {
            type: 'LicenseGranted',
            data: { licenseId, licenseNumber: 'LS-190001', appendixNumber: '7', grantedOn: GRANTED_ON, validUntil: VALID_UNTIL, capacity: 120 },
          },
        ]);
    });

    it('is refused when granted after today → DATE_IN_FUTURE', () => {
      spec
        .given(h.positive)
        .when(grant({ grantedOn: '2025-06-02' }))
        .thenThrows('DATE_IN_FUTURE');
    });

    it('is refused when the licence number is on another licence → LICENSE_NUMBER_TAKEN', () => {
      spec
        .given(h.positive)
        .when(grant({ registry: { licenseNumberHolder: 'b1c2d3e4-0000-4000-8000-000000000003' } }))
        .thenThrows('LICENSE_NUMBER_TAKEN');
    });

    it('says neither an end date nor indefinite, or both → VALIDITY_UNSTATED', () => {
      const { validUntil: _validUntil, ...unstated } = grant();
      spec.given(h.positive).when(unstated).thenThrows('VALIDITY_UNSTATED');
      spec
        .given(h.positive)
        .when(grant({ indefinite: true }))
        .thenThrows('VALIDITY_UNSTATED');
    });

    it('records validUntil as null (no time limit) when the grant says indefinite', () => {
      const { validUntil: _validUntil, ...rest } = grant();
      spec
        .given(h.positive)
        .when({ ...rest, indefinite: true })
        .then([
          {
            type: 'LicenseGranted',
            data: { licenseId, licenseNumber: 'LS-190001', appendixNumber: '7', grantedOn: GRANTED_ON, validUntil: null, capacity: 120 },
          },
        ]);
    });

    it('carries the capacity of the application it grants', () => {
      spec
        .given([applied({ requestedCapacity: 45 }), groupFormed(), concluded()])
        .when(grant())
        .then([
          {
            type: 'LicenseGranted',
            data: { licenseId, licenseNumber: 'LS-190001', appendixNumber: '7', grantedOn: GRANTED_ON, validUntil: VALID_UNTIL, capacity: 45 },
          },
        ]);
    });

    it('carries the capacity of the last amendment in the history (as an imported history could hold)', () => {
      // The decider itself refuses amendments before a grant; this pins that the grant reads the
      // folded capacity, not the application's requested one.
      spec
        .given([applied(), amended({ capacity: 80, amendedOn: '2025-01-20' }), amended({ capacity: 90, amendedOn: '2025-01-25' }), groupFormed(), concluded()])
        .when(grant())
        .then([
          {
            type: 'LicenseGranted',
            data: { licenseId, licenseNumber: 'LS-190001', appendixNumber: '7', grantedOn: GRANTED_ON, validUntil: VALID_UNTIL, capacity: 90 },
          },
        ]);
    });

    it('may be granted the same day as the conclusion', () => {
      spec
        .given(h.positive)
        .when(grant({ grantedOn: CONCLUDED_ON }))
        .then([
          {
            type: 'LicenseGranted',
            data: { licenseId, licenseNumber: 'LS-190001', appendixNumber: '7', grantedOn: CONCLUDED_ON, validUntil: VALID_UNTIL, capacity: 120 },
          },
        ]);
    });

    it('is granted after a negative conclusion followed by a new group and a positive conclusion', () => {
      spec
        .given([...h.negative, groupFormed({ formedOn: '2025-04-01' }), concluded({ concludedOn: '2025-05-01' })])
        .when(grant({ grantedOn: '2025-05-10' }))
        .then([
          {
            type: 'LicenseGranted',
            data: { licenseId, licenseNumber: 'LS-190001', appendixNumber: '7', grantedOn: '2025-05-10', validUntil: VALID_UNTIL, capacity: 120 },
          },
        ]);
    });

    it('is refused straight after the application → EXPERT_CONCLUSION_REQUIRED', () => {
      spec.given(h.applied).when(grant()).thenThrows('EXPERT_CONCLUSION_REQUIRED');
    });

    it('is refused while the group has not concluded → EXPERT_CONCLUSION_REQUIRED', () => {
      spec.given(h.underReview).when(grant()).thenThrows('EXPERT_CONCLUSION_REQUIRED');
    });

    it('is refused after a negative conclusion → EXPERT_CONCLUSION_NEGATIVE', () => {
      spec.given(h.negative).when(grant()).thenThrows('EXPERT_CONCLUSION_NEGATIVE');
    });

    it('is refused when dated before the conclusion → DATE_BEFORE_PREVIOUS_STEP', () => {
      spec
        .given(h.positive)
        .when(grant({ grantedOn: '2025-02-28' }))
        .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    });

    it.each([
      ['granted (twice)', h.active],
      ['suspended', h.suspended],
      ['revoked', h.revoked],
      ['expired', h.expired],
    ] as const)('is refused when the licence was already %s → LICENSE_ALREADY_GRANTED', (_label, history) => {
      spec
        .given(history)
        .when(grant({ licenseNumber: 'LS-190002', grantedOn: '2026-07-01' }))
        .thenThrows('LICENSE_ALREADY_GRANTED');
    });
  });

  describe('amendLicense', () => {
    it('changes the capacity', () => {
      spec
        .given(h.active)
        .when(amend({ capacity: 150 }))
        .then([{ type: 'LicenseAmended', data: { licenseId, capacity: 150, reason: 'New anatomy building commissioned.', amendedOn: '2025-09-01' } }]);
    });

    it('changes the programme name', () => {
      const programmeName = { ky: 'Жалпы медицина', ru: 'Общая медицина', en: 'General Medicine' };
      spec
        .given(h.active)
        .when(amend({ programmeName, reason: 'Renamed by the state standard.' }))
        .then([{ type: 'LicenseAmended', data: { licenseId, programmeName, reason: 'Renamed by the state standard.', amendedOn: '2025-09-01' } }]);
    });

    it('changes the address', () => {
      spec
        .given(h.active)
        .when(amend({ address: 'Osh, Kurmanzhan Datka St. 280', reason: 'Moved to the new campus.' }))
        .then([
          {
            type: 'LicenseAmended',
            data: { licenseId, address: 'Osh, Kurmanzhan Datka St. 280', reason: 'Moved to the new campus.', amendedOn: '2025-09-01' },
          },
        ]);
    });

    it('accepts an amendment where only one of several given values differs, recording all given', () => {
      spec
        .given(h.active)
        .when(amend({ capacity: 120, address: 'Osh, Kurmanzhan Datka St. 280' }))
        .then([
          {
            type: 'LicenseAmended',
            data: { licenseId, capacity: 120, address: 'Osh, Kurmanzhan Datka St. 280', reason: 'New anatomy building commissioned.', amendedOn: '2025-09-01' },
          },
        ]);
    });

    it('compares against the last amendment, so going back to the original capacity is a change', () => {
      spec
        .given([...h.active, amended({ capacity: 150 })])
        .when(amend({ capacity: 120, amendedOn: '2025-10-01' }))
        .then([{ type: 'LicenseAmended', data: { licenseId, capacity: 120, reason: 'New anatomy building commissioned.', amendedOn: '2025-10-01' } }]);
    });

    it('is allowed while the licence is suspended', () => {
      spec
        .given(h.suspended)
        .when(amend({ capacity: 90, amendedOn: '2026-01-20' }))
        .then([{ type: 'LicenseAmended', data: { licenseId, capacity: 90, reason: 'New anatomy building commissioned.', amendedOn: '2026-01-20' } }]);
    });

    it.each([
      ['the capacity equals the granted one', amend({ capacity: 120 })],
      ['the programme name equals the current one', amend({ programmeName: { ...programme.name } })],
      ['the address equals the current one', amend({ address: ADDRESS })],
      ['every value equals the current one', amend({ capacity: 120, programmeName: { ...programme.name }, address: ADDRESS })],
    ] as const)('is refused when %s → NOTHING_TO_AMEND', (_label, command) => {
      spec.given(h.active).when(command).thenThrows('NOTHING_TO_AMEND');
    });

    it('is refused when it gives the address an earlier capacity-only amendment left unchanged → NOTHING_TO_AMEND', () => {
      spec
        .given([...h.active, amended({ capacity: 150 })])
        .when(amend({ address: ADDRESS, amendedOn: '2025-10-01' }))
        .thenThrows('NOTHING_TO_AMEND');
    });

    it('is refused when it repeats the last amendment → NOTHING_TO_AMEND', () => {
      spec
        .given([...h.active, amended({ capacity: 150 })])
        .when(amend({ capacity: 150, amendedOn: '2025-10-01' }))
        .thenThrows('NOTHING_TO_AMEND');
    });

    it('is refused when dated before the grant → DATE_BEFORE_PREVIOUS_STEP', () => {
      spec
        .given(h.active)
        .when(amend({ capacity: 150, amendedOn: '2025-03-14' }))
        .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    });

    it('is refused on a revoked licence → LICENSE_REVOKED', () => {
      spec
        .given(h.revoked)
        .when(amend({ capacity: 150 }))
        .thenThrows('LICENSE_REVOKED');
    });

    it('is refused on an expired licence → LICENSE_EXPIRED', () => {
      spec
        .given(h.expired)
        .when(amend({ capacity: 150 }))
        .thenThrows('LICENSE_EXPIRED');
    });

    it.each(notGranted)('is refused when the licence is not granted (%s) → LICENSE_NOT_GRANTED', (_label, history) => {
      spec
        .given(history)
        .when(amend({ capacity: 150 }))
        .thenThrows('LICENSE_NOT_GRANTED');
    });
  });

  describe('suspendLicense', () => {
    it('suspends an active licence, with the order number', () => {
      spec
        .given(h.active)
        .when(suspend())
        .then([
          {
            type: 'LicenseSuspended',
            data: { licenseId, reason: 'Inspection found a shortage of clinical bases.', suspendedOn: SUSPENDED_ON, orderNumber: '12/Л' },
          },
        ]);
    });

    it('suspends an active licence without an order number', () => {
      const { orderNumber: _orderNumber, ...withoutOrder } = suspend();
      spec
        .given(h.active)
        .when(withoutOrder)
        .then([{ type: 'LicenseSuspended', data: { licenseId, reason: 'Inspection found a shortage of clinical bases.', suspendedOn: SUSPENDED_ON } }]);
    });

    it('suspends again after a resumption', () => {
      spec
        .given([...h.suspended, resumed()])
        .when(suspend({ suspendedOn: '2027-01-10', orderNumber: '3/Л' }))
        .then([
          {
            type: 'LicenseSuspended',
            data: { licenseId, reason: 'Inspection found a shortage of clinical bases.', suspendedOn: '2027-01-10', orderNumber: '3/Л' },
          },
        ]);
    });

    it('is refused when already suspended → LICENSE_ALREADY_SUSPENDED', () => {
      spec
        .given(h.suspended)
        .when(suspend({ suspendedOn: '2026-01-20' }))
        .thenThrows('LICENSE_ALREADY_SUSPENDED');
    });

    it('is refused when dated before the grant → DATE_BEFORE_PREVIOUS_STEP', () => {
      spec
        .given(h.active)
        .when(suspend({ suspendedOn: '2025-03-01' }))
        .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    });

    it('is refused on a revoked licence → LICENSE_REVOKED', () => {
      spec
        .given(h.revoked)
        .when(suspend({ suspendedOn: '2026-07-01' }))
        .thenThrows('LICENSE_REVOKED');
    });

    it('is refused on an expired licence → LICENSE_EXPIRED', () => {
      spec
        .given(h.expired)
        .when(suspend({ suspendedOn: '2030-04-01' }))
        .thenThrows('LICENSE_EXPIRED');
    });

    it.each(notGranted)('is refused when the licence is not granted (%s) → LICENSE_NOT_GRANTED', (_label, history) => {
      spec.given(history).when(suspend()).thenThrows('LICENSE_NOT_GRANTED');
    });
  });

  describe('resumeLicense', () => {
    it('resumes a suspended licence', () => {
      spec
        .given(h.suspended)
        .when(resume())
        .then([{ type: 'LicenseResumed', data: { licenseId, resumedOn: '2026-02-01', reason: 'Clinical bases contracted.' } }]);
    });

    it('may resume on the day of the suspension, without a reason', () => {
      const { reason: _reason, ...withoutReason } = resume({ resumedOn: SUSPENDED_ON });
      spec
        .given(h.suspended)
        .when(withoutReason)
        .then([{ type: 'LicenseResumed', data: { licenseId, resumedOn: SUSPENDED_ON } }]);
    });

    it('is refused when dated before the suspension → DATE_BEFORE_PREVIOUS_STEP', () => {
      spec
        .given(h.suspended)
        .when(resume({ resumedOn: '2026-01-09' }))
        .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    });

    it.each([
      ['active', h.active],
      ['active again after a resumption', [...h.suspended, resumed()]],
      ['only applied', h.applied],
      ['revoked', h.revoked],
      ['revoked while suspended', [...h.suspended, revoked()]],
      ['expired', h.expired],
    ] as const)('is refused when the licence is %s → LICENSE_NOT_SUSPENDED', (_label, history) => {
      spec
        .given(history)
        .when(resume({ resumedOn: '2026-08-01' }))
        .thenThrows('LICENSE_NOT_SUSPENDED');
    });
  });

  describe('revokeLicense', () => {
    it('revokes an active licence', () => {
      spec
        .given(h.active)
        .when(revoke())
        .then([
          { type: 'LicenseRevoked', data: { licenseId, reason: 'Violations not remedied.', basis: 'Court decision No. 2-145/26', revokedOn: '2026-06-01' } },
        ]);
    });

    it('revokes a suspended licence', () => {
      spec
        .given(h.suspended)
        .when(revoke({ revokedOn: '2026-03-01' }))
        .then([
          { type: 'LicenseRevoked', data: { licenseId, reason: 'Violations not remedied.', basis: 'Court decision No. 2-145/26', revokedOn: '2026-03-01' } },
        ]);
    });

    it('is refused when already revoked → LICENSE_REVOKED', () => {
      spec
        .given(h.revoked)
        .when(revoke({ revokedOn: '2026-07-01' }))
        .thenThrows('LICENSE_REVOKED');
    });

    it('is refused on an expired licence → LICENSE_EXPIRED', () => {
      spec
        .given(h.expired)
        .when(revoke({ revokedOn: '2030-04-01' }))
        .thenThrows('LICENSE_EXPIRED');
    });

    it('is refused when dated before the grant → DATE_BEFORE_PREVIOUS_STEP', () => {
      spec
        .given(h.active)
        .when(revoke({ revokedOn: '2025-03-14' }))
        .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    });

    it.each(notGranted)('is refused when the licence is not granted (%s) → LICENSE_NOT_GRANTED', (_label, history) => {
      spec.given(history).when(revoke()).thenThrows('LICENSE_NOT_GRANTED');
    });
  });

  describe('recordLicenseExpiry', () => {
    it('is refused while today is not yet past validUntil, whatever date it names → LICENSE_STILL_VALID', () => {
      spec
        .given(h.active)
        .when(recordExpiry({ expiredOn: '2030-03-15' }))
        .thenThrows('LICENSE_STILL_VALID');
    });

    it('is refused when dated after today → DATE_IN_FUTURE', () => {
      afterValidity
        .given(h.active)
        .when(recordExpiry({ expiredOn: '2030-06-02' }))
        .thenThrows('DATE_IN_FUTURE');
    });

    it('records expiry the day after validUntil', () => {
      afterValidity
        .given(h.active)
        .when(recordExpiry({ expiredOn: '2030-03-15' }))
        .then([{ type: 'LicenseExpired', data: { licenseId, expiredOn: '2030-03-15' } }]);
    });

    it('records expiry of a suspended licence after validUntil', () => {
      afterValidity
        .given(h.suspended)
        .when(recordExpiry({ expiredOn: '2030-04-01' }))
        .then([{ type: 'LicenseExpired', data: { licenseId, expiredOn: '2030-04-01' } }]);
    });

    it('is refused for a licence without a time limit → LICENSE_WITHOUT_TIME_LIMIT', () => {
      spec
        .given(h.activeIndefinite)
        .when(recordExpiry({ expiredOn: '2099-01-01' }))
        .thenThrows('LICENSE_WITHOUT_TIME_LIMIT');
    });

    it.each([
      ['on validUntil', VALID_UNTIL],
      ['before validUntil', '2028-01-01'],
    ])('is refused %s → LICENSE_STILL_VALID', (_label, expiredOn) => {
      spec.given(h.active).when(recordExpiry({ expiredOn })).thenThrows('LICENSE_STILL_VALID');
    });

    it('is refused when already expired → LICENSE_EXPIRED', () => {
      spec
        .given(h.expired)
        .when(recordExpiry({ expiredOn: '2030-04-01' }))
        .thenThrows('LICENSE_EXPIRED');
    });

    it('is refused on a revoked licence → LICENSE_REVOKED', () => {
      spec
        .given(h.revoked)
        .when(recordExpiry({ expiredOn: '2030-04-01' }))
        .thenThrows('LICENSE_REVOKED');
    });

    it.each(notGranted)('is refused when the licence is not granted (%s) → LICENSE_NOT_GRANTED', (_label, history) => {
      spec.given(history).when(recordExpiry()).thenThrows('LICENSE_NOT_GRANTED');
    });

    it('once expired, the licence can no longer be amended → LICENSE_EXPIRED', () => {
      spec
        .given([...h.active, expired()])
        .when(amend({ capacity: 150, amendedOn: '2030-04-01' }))
        .thenThrows('LICENSE_EXPIRED');
    });
  });

  it('decides the same events whatever the command context (actor, clock, command id)', () => {
    const other: CommandContext = { actor: { id: 'x', name: 'Someone Else', roles: ['director'] }, now: '2031-12-31T23:59:59.000Z', commandId: 'other' };
    const state = fold(licensingDecider, h.positive);
    expect(licensingDecider.decide(grant(), state, other)).toStrictEqual(licensingDecider.decide(grant(), state, context));
  });
});

describe('licensing decider: steps in date order and validity', () => {
  it('refuses an expert group dated before the application', () => {
    spec
      .given(h.applied)
      .when(formGroup({ formedOn: '2024-12-01' }))
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('refuses a re-formed group dated before the previous conclusion', () => {
    spec
      .given(h.negative)
      .when(formGroup({ formedOn: '2025-02-15' }))
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('refuses a revocation dated before the suspension, and an amendment before the last amendment', () => {
    spec
      .given(h.suspended)
      .when(revoke({ revokedOn: '2025-12-01' }))
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    spec
      .given([...h.active, amended({ amendedOn: '2025-09-01' })])
      .when(amend({ capacity: 170, amendedOn: '2025-08-01' }))
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    spec
      .given([...h.active, amended({ amendedOn: '2025-09-01' })])
      .when(suspend({ suspendedOn: '2025-08-31' }))
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('accepts a step on the same day as the previous one', () => {
    spec
      .given(h.applied)
      .when(formGroup({ formedOn: SUBMITTED_ON }))
      .then([groupFormed({ formedOn: SUBMITTED_ON })]);
  });

  it('treats a licence past its last day as no longer in force, before its expiry is recorded', () => {
    spec
      .given(h.active)
      .when(amend({ capacity: 170, amendedOn: '2030-03-15' }))
      .thenThrows('LICENSE_VALIDITY_ENDED');
    spec
      .given(h.active)
      .when(suspend({ suspendedOn: '2030-04-01' }))
      .thenThrows('LICENSE_VALIDITY_ENDED');
    spec
      .given(h.suspended)
      .when(resume({ resumedOn: '2030-04-01' }))
      .thenThrows('LICENSE_VALIDITY_ENDED');
    spec
      .given(h.active)
      .when(revoke({ revokedOn: '2030-04-01' }))
      .thenThrows('LICENSE_VALIDITY_ENDED');
    spec
      .given(h.active)
      .when(amend({ capacity: 170, amendedOn: VALID_UNTIL }))
      .then([amended({ capacity: 170, amendedOn: VALID_UNTIL, reason: 'New anatomy building commissioned.' })]);
  });

  it('refuses a grant whose validity ends before it starts, even when the schema was bypassed', () => {
    spec
      .given(h.positive)
      .when(grant({ validUntil: '2025-01-01' }))
      .thenThrows('VALIDITY_BEFORE_GRANT');
  });

  it('compares programme names by language, not by key order', () => {
    const reordered = { en: programme.name.en, ru: programme.name.ru, ky: programme.name.ky };
    spec
      .given(h.active)
      .when(amend({ capacity: undefined, programmeName: reordered }))
      .thenThrows('NOTHING_TO_AMEND');
  });
});

// ---------------------------------------------------------------------------------------------
// evolve
// ---------------------------------------------------------------------------------------------
describe('licensing evolve', () => {
  it('starts from a licence that does not exist', () => {
    expect(licensingDecider.initialState).toStrictEqual({ exists: false });
  });

  it('ignores events that arrive before the application', () => {
    expect(fold(licensingDecider, [groupFormed(), granted()])).toStrictEqual({ exists: false });
  });

  it('folds a whole lifecycle: apply → group → conclusion → grant → amend → suspend → resume → revoke', () => {
    const newName = { ky: 'Жалпы медицина', ru: 'Общая медицина', en: 'General Medicine' };
    const steps: Array<[LicensingEvent, LicenseState]> = [];
    const base = {
      exists: true as const,
      grantedOn: undefined,
      validUntil: null,
      capacity: 120,
      programmeName: programme.name,
      address: ADDRESS,
    };
    const afterApply: LicenseState = { ...base, status: 'applied', lastStep: { name: 'the application', on: SUBMITTED_ON } };
    const afterGroup: LicenseState = { ...base, status: 'under_expert_review', lastStep: { name: 'the forming of the expert group', on: FORMED_ON } };
    const afterConclusion: LicenseState = { ...afterGroup, status: 'conclusion_positive', lastStep: { name: 'the expert conclusion', on: CONCLUDED_ON } };
    const afterGrant: LicenseState = {
      ...afterConclusion,
      status: 'active',
      lastStep: { name: 'the grant', on: GRANTED_ON },
      grantedOn: GRANTED_ON,
      validUntil: VALID_UNTIL,
      capacity: 110,
    };
    const afterAmend: LicenseState = {
      ...afterGrant,
      lastStep: { name: 'the last amendment', on: '2025-09-01' },
      capacity: 150,
      programmeName: newName,
      address: 'Osh, Kurmanzhan Datka St. 280',
    };
    const afterSuspend: LicenseState = { ...afterAmend, status: 'suspended', lastStep: { name: 'the suspension', on: SUSPENDED_ON } };
    const afterResume: LicenseState = { ...afterAmend, status: 'active', lastStep: { name: 'the resumption', on: '2026-02-01' } };
    const afterRevoke: LicenseState = { ...afterResume, status: 'revoked', lastStep: { name: 'the revocation', on: '2026-06-01' } };
    steps.push(
      [applied(), afterApply],
      [groupFormed(), afterGroup],
      [concluded(), afterConclusion],
      [granted({ capacity: 110 }), afterGrant],
      [amended({ capacity: 150, programmeName: newName, address: 'Osh, Kurmanzhan Datka St. 280' }), afterAmend],
      [suspended(), afterSuspend],
      [resumed(), afterResume],
      [revoked(), afterRevoke],
    );
    let state = licensingDecider.initialState;
    for (const [event, expected] of steps) {
      state = licensingDecider.evolve(state, event);
      expect({ after: event.type, state }).toStrictEqual({ after: event.type, state: expected });
    }
  });

  it('keeps the values an amendment does not mention', () => {
    const { capacity: _capacity, ...addressOnly } = amended({ address: 'Osh, Gagarin St. 5' }).data;
    const afterAddress = fold(licensingDecider, [...h.active, { type: 'LicenseAmended', data: addressOnly }]);
    expect(afterAddress).toMatchObject({ capacity: 120, programmeName: programme.name, address: 'Osh, Gagarin St. 5', status: 'active' });
    const afterCapacity = fold(licensingDecider, [...h.active, amended({ capacity: 150 })]);
    expect(afterCapacity).toMatchObject({ capacity: 150, programmeName: programme.name, address: ADDRESS, status: 'active' });
  });

  it('a negative conclusion sets conclusion_negative; re-forming the group makes the new group the latest step', () => {
    expect(fold(licensingDecider, h.negative)).toMatchObject({ status: 'conclusion_negative', lastStep: { on: CONCLUDED_ON } });
    expect(fold(licensingDecider, [...h.negative, groupFormed({ formedOn: '2025-04-01' })])).toMatchObject({
      status: 'under_expert_review',
      lastStep: { name: 'the forming of the expert group', on: '2025-04-01' },
    });
  });

  it('an expiry sets the status to expired; an indefinite grant keeps validUntil null', () => {
    expect(fold(licensingDecider, h.expired)).toMatchObject({ status: 'expired', validUntil: VALID_UNTIL });
    expect(fold(licensingDecider, h.activeIndefinite)).toMatchObject({ status: 'active', validUntil: null });
  });
});

// ---------------------------------------------------------------------------------------------
// Command schemas (zod)
// ---------------------------------------------------------------------------------------------
type Schema = { safeParse: (input: unknown) => { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } };

/** The paths of the issues a schema raises for an input; [] when the input is accepted. */
const issuePaths = (schema: Schema, input: unknown): PropertyKey[][] => schema.safeParse(input).error?.issues.map((i) => i.path) ?? [];

const c = licensingCommands;
const validApply = { programme, requestedCapacity: 120, address: ADDRESS, submittedOn: SUBMITTED_ON };
const validGroup = { licenseId, kind: 'expert_group', members, formedOn: FORMED_ON };
const validConclusion = { licenseId, outcome: 'positive', summary: 'Meets the requirements.', concludedOn: CONCLUDED_ON };
const validGrant = { licenseId, licenseNumber: 'LS-190001', appendixNumber: '7', grantedOn: GRANTED_ON, validUntil: VALID_UNTIL };
const validAmend = { licenseId, capacity: 150, reason: 'New building.', amendedOn: '2025-09-01' };
const validSuspend = { licenseId, reason: 'Inspection.', suspendedOn: SUSPENDED_ON };
const validResume = { licenseId, resumedOn: '2026-02-01' };
const validRevoke = { licenseId, reason: 'Violations.', basis: 'Court decision No. 2-145/26', revokedOn: '2026-06-01' };
const validExpiry = { licenseId, expiredOn: '2030-03-15' };

describe('licensing command schemas', () => {
  it.each([
    ['applyForLicense', c.applyForLicense, validApply],
    ['formExpertGroup', c.formExpertGroup, validGroup],
    ['recordExpertConclusion', c.recordExpertConclusion, validConclusion],
    ['grantLicense', c.grantLicense, validGrant],
    ['amendLicense', c.amendLicense, validAmend],
    ['suspendLicense', c.suspendLicense, validSuspend],
    ['resumeLicense', c.resumeLicense, validResume],
    ['revokeLicense', c.revokeLicense, validRevoke],
    ['recordLicenseExpiry', c.recordLicenseExpiry, validExpiry],
  ] as const)('%s accepts a valid input unchanged', (_name, schema, input) => {
    expect((schema as Schema).safeParse(input)).toStrictEqual({ success: true, data: input });
  });

  it('trims typed text and the programme code', () => {
    const parsed = c.applyForLicense.parse({
      ...validApply,
      programme: { ...programme, code: ' 560001 ', faculty: '  International Medical Faculty ' },
      address: ` ${ADDRESS}  `,
    });
    expect(parsed).toStrictEqual(validApply);
  });

  describe('programme code must be six digits (path programme.code)', () => {
    it.each(['56000', '5600011', '56O001', '', '560 01'])('refuses %j', (code) => {
      expect(issuePaths(c.applyForLicense, { ...validApply, programme: { ...programme, code } })).toStrictEqual([['programme', 'code']]);
    });
  });

  describe('dates must exist on the calendar', () => {
    it('refuses 2025-02-29 (path submittedOn)', () => {
      expect(issuePaths(c.applyForLicense, { ...validApply, submittedOn: '2025-02-29' })).toStrictEqual([['submittedOn']]);
    });

    it('accepts 2024-02-29 (a leap year)', () => {
      expect(issuePaths(c.applyForLicense, { ...validApply, submittedOn: '2024-02-29' })).toStrictEqual([]);
    });

    it.each([
      ['formExpertGroup', c.formExpertGroup, validGroup, 'formedOn'],
      ['recordExpertConclusion', c.recordExpertConclusion, validConclusion, 'concludedOn'],
      ['grantLicense', c.grantLicense, { ...validGrant, validUntil: undefined, indefinite: true }, 'grantedOn'],
      ['grantLicense', c.grantLicense, validGrant, 'validUntil'],
      ['amendLicense', c.amendLicense, validAmend, 'amendedOn'],
      ['suspendLicense', c.suspendLicense, validSuspend, 'suspendedOn'],
      ['resumeLicense', c.resumeLicense, validResume, 'resumedOn'],
      ['revokeLicense', c.revokeLicense, validRevoke, 'revokedOn'],
      ['recordLicenseExpiry', c.recordLicenseExpiry, validExpiry, 'expiredOn'],
    ] as const)('%s refuses 2026-04-31 (path %s)', (_name, schema, input, field) => {
      expect(issuePaths(schema as Schema, { ...input, [field]: '2026-04-31' })).toStrictEqual([[field]]);
    });

    it.each(['2025-13-01', '15.01.2025', '2025-1-15'])('refuses the malformed date %j', (submittedOn) => {
      expect(issuePaths(c.applyForLicense, { ...validApply, submittedOn })).toStrictEqual([['submittedOn']]);
    });
  });

  describe('blank text is refused, naming the field', () => {
    it.each(['ky', 'ru', 'en'] as const)('programme name in %s', (language) => {
      const name = { ...programme.name, [language]: '   ' };
      expect(issuePaths(c.applyForLicense, { ...validApply, programme: { ...programme, name } })).toStrictEqual([['programme', 'name', language]]);
    });

    it('faculty', () => {
      expect(issuePaths(c.applyForLicense, { ...validApply, programme: { ...programme, faculty: '' } })).toStrictEqual([['programme', 'faculty']]);
    });

    it('expert name', () => {
      const blank = [members[0], { name: ' ', role: 'member' }];
      expect(issuePaths(c.formExpertGroup, { ...validGroup, members: blank })).toStrictEqual([['members', 1, 'name']]);
    });

    it('conclusion summary', () => {
      expect(issuePaths(c.recordExpertConclusion, { ...validConclusion, summary: '  ' })).toStrictEqual([['summary']]);
    });

    it('licence number', () => {
      expect(issuePaths(c.grantLicense, { ...validGrant, licenseNumber: '' })).toStrictEqual([['licenseNumber']]);
    });

    it('amended programme name', () => {
      const programmeName = { ky: 'Жалпы медицина', ru: '', en: 'General Medicine' };
      expect(issuePaths(c.amendLicense, { licenseId, programmeName, reason: 'Renamed.', amendedOn: '2025-09-01' })).toStrictEqual([['programmeName', 'ru']]);
    });

    it('revocation basis', () => {
      expect(issuePaths(c.revokeLicense, { ...validRevoke, basis: '\t' })).toStrictEqual([['basis']]);
    });
  });

  describe('capacity must be a positive whole number', () => {
    it.each([0, -10, 12.5])('requestedCapacity %d is refused (path requestedCapacity)', (requestedCapacity) => {
      expect(issuePaths(c.applyForLicense, { ...validApply, requestedCapacity })).toStrictEqual([['requestedCapacity']]);
    });

    it.each([0, -1])('amended capacity %d is refused (path capacity)', (capacity) => {
      expect(issuePaths(c.amendLicense, { ...validAmend, capacity })).toStrictEqual([['capacity']]);
    });

    it('accepts a capacity of 1', () => {
      expect(issuePaths(c.applyForLicense, { ...validApply, requestedCapacity: 1 })).toStrictEqual([]);
    });
  });

  describe('validUntil must be after grantedOn (path validUntil)', () => {
    it.each([
      ['equal to grantedOn', GRANTED_ON],
      ['before grantedOn', '2025-03-14'],
    ])('refuses validUntil %s', (_label, validUntil) => {
      const result = c.grantLicense.safeParse({ ...validGrant, validUntil });
      expect(result.error?.issues.map((i) => [i.path, i.message])).toStrictEqual([[['validUntil'], 'must be after grantedOn']]);
    });

    it('accepts the day after grantedOn, and no validUntil when indefinite is true', () => {
      expect(issuePaths(c.grantLicense, { ...validGrant, validUntil: '2025-03-16' })).toStrictEqual([]);
      const { validUntil: _validUntil, ...rest } = validGrant;
      expect(c.grantLicense.parse({ ...rest, indefinite: true })).toStrictEqual({ ...rest, indefinite: true });
    });

    it('refuses a grant that says neither validUntil nor indefinite (path validUntil), or both (path indefinite)', () => {
      const { validUntil: _validUntil, ...rest } = validGrant;
      expect(issuePaths(c.grantLicense, rest)).toStrictEqual([['validUntil']]);
      expect(issuePaths(c.grantLicense, { ...rest, indefinite: false })).toStrictEqual([['validUntil']]);
      expect(issuePaths(c.grantLicense, { ...validGrant, indefinite: true })).toStrictEqual([['indefinite']]);
    });
  });

  describe('an expert group has exactly one chair (path members)', () => {
    it.each([
      [
        'no chair',
        [
          { name: 'A. Member', role: 'member' },
          { name: 'S. Secretary', role: 'secretary' },
        ],
      ],
      [
        'two chairs',
        [
          { name: 'A. Chair', role: 'chair' },
          { name: 'B. Chair', role: 'chair' },
        ],
      ],
    ])('refuses a group with %s', (_label, groupMembers) => {
      const result = c.formExpertGroup.safeParse({ ...validGroup, members: groupMembers });
      expect(result.error?.issues.map((i) => [i.path, i.message])).toStrictEqual([[['members'], 'must have exactly one chair']]);
    });

    it('refuses a group with no members at all', () => {
      expect(issuePaths(c.formExpertGroup, { ...validGroup, members: [] })).toContainEqual(['members']);
      expect(c.formExpertGroup.safeParse({ ...validGroup, members: [] }).error?.issues.map((i) => i.message)).toContain('must name at least one member');
    });

    it('accepts a group of a single chair', () => {
      expect(issuePaths(c.formExpertGroup, { ...validGroup, members: [{ name: 'A. Chair', role: 'chair' }] })).toStrictEqual([]);
    });
  });

  describe('an amendment must change something (path capacity)', () => {
    it('refuses an amendment with none of capacity, programmeName, address', () => {
      const result = c.amendLicense.safeParse({ licenseId, reason: 'Nothing really.', amendedOn: '2025-09-01' });
      expect(result.error?.issues.map((i) => [i.path, i.message])).toStrictEqual([
        [['capacity'], 'an amendment must change at least one of capacity, programmeName or address'],
      ]);
    });

    it.each([
      ['programmeName', { programmeName: { ky: 'Жалпы медицина', ru: 'Общая медицина', en: 'General Medicine' } }],
      ['address', { address: 'Osh, Gagarin St. 5' }],
    ])('accepts an amendment of only the %s', (_label, change) => {
      expect(issuePaths(c.amendLicense, { licenseId, reason: 'Change.', amendedOn: '2025-09-01', ...change })).toStrictEqual([]);
    });
  });

  describe('unknown enum values are refused, naming the field', () => {
    it('education level (path programme.level)', () => {
      expect(issuePaths(c.applyForLicense, { ...validApply, programme: { ...programme, level: 'doctorate' } })).toStrictEqual([['programme', 'level']]);
    });

    it('form of study (path programme.formOfStudy)', () => {
      expect(issuePaths(c.applyForLicense, { ...validApply, programme: { ...programme, formOfStudy: 'evening' } })).toStrictEqual([
        ['programme', 'formOfStudy'],
      ]);
    });

    it('group kind (path kind)', () => {
      expect(issuePaths(c.formExpertGroup, { ...validGroup, kind: 'commission' })).toStrictEqual([['kind']]);
    });

    it('member role (path members.N.role)', () => {
      const withUnknownRole = [members[0], { name: 'X. Observer', role: 'observer' }];
      expect(issuePaths(c.formExpertGroup, { ...validGroup, members: withUnknownRole })).toStrictEqual([['members', 1, 'role']]);
    });

    it('conclusion outcome (path outcome)', () => {
      expect(issuePaths(c.recordExpertConclusion, { ...validConclusion, outcome: 'conditional' })).toStrictEqual([['outcome']]);
    });
  });

  describe('licenseId must be a UUID (path licenseId)', () => {
    it.each([
      ['formExpertGroup', c.formExpertGroup, validGroup],
      ['grantLicense', c.grantLicense, validGrant],
      ['recordLicenseExpiry', c.recordLicenseExpiry, validExpiry],
    ] as const)('%s refuses "LS-190001"', (_name, schema, input) => {
      expect(issuePaths(schema as Schema, { ...input, licenseId: 'LS-190001' })).toStrictEqual([['licenseId']]);
    });
  });
});
