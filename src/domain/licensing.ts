// Licensing of educational activity (regulation §3.1, DOMAIN.md section 3): the sector applies for
// a licence for each programme, an expert or working group examines it, the licensor grants it,
// and the licence lives on through amendments, suspension, revocation or expiry.
//
// Dates: every step is dated by the person recording it, in Kyrgyzstan time; an application,
// expert group, conclusion, grant or expiry dated after today (the command's `now`) has not
// happened yet and is refused. Amendments, suspensions and revocations may take effect later.
//
// Rules across licences (the registry): a programme is what one licence appendix covers, its
// code, level and form of study together (580100 bachelor full-time and 580100 bachelor
// extramural are licensed separately). A programme has at most one pending application; a new
// application for a programme whose latest licence expired or was revoked links to it
// (`previousLicenseId`); a licence number belongs to one licence for ever. The decider sees one
// stream, so the pipeline reads these facts from the registry (RegistryFacts) under a gate that
// serialises the commands that depend on them (schema/licensing.ts).
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import type { Upcaster } from '../eventstore/upcasting.ts';
import { DomainRuleError } from './errors.ts';
import { entityId, isoDate, localDateOf, multilingualName, text, type IsoDate, type Labels, type MultilingualName } from './values.ts';

export const licenseCategory = 'license';

const levels = ['secondary_vocational', 'bachelor', 'specialist', 'master', 'postgraduate', 'residency'] as const;
const forms = ['full_time', 'part_time', 'extramural', 'distance'] as const;
const statuses = ['applied', 'under_expert_review', 'conclusion_positive', 'conclusion_negative', 'active', 'suspended', 'revoked', 'expired'] as const;

export const licenseStatusLabels: Labels<(typeof statuses)[number]> = {
  applied: { ky: 'Арыз берилди', ru: 'Заявление подано', en: 'Applied' },
  under_expert_review: { ky: 'Эксперттик баалоодо', ru: 'На экспертизе', en: 'Under expert review' },
  conclusion_positive: { ky: 'Оң корутунду', ru: 'Положительное заключение', en: 'Positive conclusion' },
  conclusion_negative: { ky: 'Терс корутунду', ru: 'Отрицательное заключение', en: 'Negative conclusion' },
  active: { ky: 'Күчүндө', ru: 'Действует', en: 'Active' },
  suspended: { ky: 'Токтотулган', ru: 'Приостановлена', en: 'Suspended' },
  revoked: { ky: 'Жокко чыгарылган', ru: 'Аннулирована', en: 'Revoked' },
  expired: { ky: 'Мөөнөтү бүткөн', ru: 'Срок истёк', en: 'Expired' },
};

export const educationLevelLabels: Labels<(typeof levels)[number]> = {
  secondary_vocational: { ky: 'Орто кесиптик билим', ru: 'Среднее профессиональное образование', en: 'Secondary vocational' },
  bachelor: { ky: 'Бакалавриат', ru: 'Бакалавриат', en: 'Bachelor' },
  specialist: { ky: 'Адистик', ru: 'Специалитет', en: 'Specialist' },
  master: { ky: 'Магистратура', ru: 'Магистратура', en: 'Master' },
  postgraduate: { ky: 'Аспирантура', ru: 'Аспирантура', en: 'Postgraduate' },
  residency: { ky: 'Ординатура', ru: 'Ординатура', en: 'Residency' },
};

export const formOfStudyLabels: Labels<(typeof forms)[number]> = {
  full_time: { ky: 'Күндүзгү', ru: 'Очная', en: 'Full-time' },
  part_time: { ky: 'Кечки', ru: 'Очно-заочная (вечерняя)', en: 'Part-time (evening)' },
  extramural: { ky: 'Сырттан окуу', ru: 'Заочная', en: 'Extramural' },
  distance: { ky: 'Аралыктан окуу', ru: 'Дистанционная', en: 'Distance' },
};

export const educationLevel = z
  .enum(levels)
  .meta({ id: 'EducationLevel', description: 'Level of the educational programme the licence covers.', labels: educationLevelLabels });
export type EducationLevel = z.infer<typeof educationLevel>;

export const formOfStudy = z.enum(forms).meta({ id: 'FormOfStudy', description: 'Form in which the programme is taught.', labels: formOfStudyLabels });
export type FormOfStudy = z.infer<typeof formOfStudy>;

export const licenseStatus = z
  .enum(statuses)
  .meta({ id: 'LicenseStatus', description: 'Where the licence stands in its lifecycle.', labels: licenseStatusLabels });
export type LicenseStatus = z.infer<typeof licenseStatus>;

export const expertGroupKind = z.enum(['expert_group', 'working_group']).meta({
  id: 'ExpertGroupKind',
  description: 'Whether the group examining the application is an expert group or a working group.',
  labels: {
    expert_group: { ky: 'Эксперттик топ', ru: 'Экспертная группа', en: 'Expert group' },
    working_group: { ky: 'Жумушчу топ', ru: 'Рабочая группа', en: 'Working group' },
  },
});

export const expertRole = z.enum(['chair', 'member', 'secretary']).meta({
  id: 'ExpertRole',
  description: "A member's role in an expert or working group.",
  labels: {
    chair: { ky: 'Төрага', ru: 'Председатель', en: 'Chair' },
    member: { ky: 'Мүчө', ru: 'Член', en: 'Member' },
    secretary: { ky: 'Катчы', ru: 'Секретарь', en: 'Secretary' },
  },
});

export const conclusionOutcome = z.enum(['positive', 'negative']).meta({
  id: 'ConclusionOutcome',
  description: "The expert group's verdict on the application.",
  labels: {
    positive: { ky: 'Оң', ru: 'Положительное', en: 'Positive' },
    negative: { ky: 'Терс', ru: 'Отрицательное', en: 'Negative' },
  },
});

const programmeCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the six-digit code of the direction or specialty (e.g. 580100)');

export const programme = z
  .object({
    code: programmeCode.describe('Six-digit code of the direction or specialty, e.g. 580100.'),
    name: multilingualName.describe('Name of the programme in Kyrgyz, Russian and English.'),
    level: educationLevel,
    formOfStudy,
    faculty: text(200).describe('Faculty, institute or college that runs the programme.'),
  })
  .meta({ id: 'Programme', description: 'The educational programme a licence is for.' });
export type Programme = z.infer<typeof programme>;

const expertMember = z
  .object({
    name: text(200).describe('Full name of the expert.'),
    role: expertRole,
    affiliation: text(300).optional().describe('Organisation the expert represents.'),
  })
  .meta({ id: 'ExpertMember', description: 'A member of an expert or working group.' });

const licenseRef = { licenseId: entityId('licence').describe('The licence (or licence application) acted on.') };

// One schema per command: the GraphQL input, the validation and the decider's input in one place.
export const licensingCommands = {
  applyForLicense: z.object({
    programme,
    requestedCapacity: z.int().positive('must be a positive number of students').max(100000).describe('Number of students the licence is requested for.'),
    address: text(500).optional().describe('Address where the programme is taught.'),
    submittedOn: isoDate.describe('Date the application was submitted.'),
  }),
  formExpertGroup: z
    .object({
      ...licenseRef,
      kind: expertGroupKind,
      members: z.array(expertMember).min(1, 'must name at least one member').max(50).describe('Members of the group, exactly one of them the chair.'),
      formedOn: isoDate.describe('Date of the order forming the group.'),
    })
    .refine((c) => c.members.filter((m) => m.role === 'chair').length === 1, {
      path: ['members'],
      message: 'must have exactly one chair',
    }),
  recordExpertConclusion: z.object({
    ...licenseRef,
    outcome: conclusionOutcome,
    summary: text(4000).describe('What the experts concluded and why.'),
    concludedOn: isoDate.describe('Date of the conclusion.'),
  }),
  grantLicense: z
    .object({
      ...licenseRef,
      licenseNumber: text(50).describe('Number of the licence document.'),
      appendixNumber: text(50).describe('Number of the appendix that lists the programme.'),
      grantedOn: isoDate.describe('Date the licence was granted.'),
      validUntil: isoDate.optional().describe('Last day of validity; give it, or indefinite: true.'),
      indefinite: z.boolean().optional().describe('True for a licence granted without a time limit (then no validUntil).'),
    })
    .refine((c) => c.validUntil === undefined || c.validUntil > c.grantedOn, {
      path: ['validUntil'],
      message: 'must be after grantedOn',
    })
    .refine((c) => c.validUntil !== undefined || c.indefinite === true, {
      path: ['validUntil'],
      message: 'must be given, or indefinite must be true for a licence without a time limit',
    })
    .refine((c) => c.validUntil === undefined || c.indefinite !== true, {
      path: ['indefinite'],
      message: 'must not be true when validUntil is given',
    }),
  amendLicense: z
    .object({
      ...licenseRef,
      capacity: z.int().positive('must be a positive number of students').max(100000).optional().describe('New licensed number of students.'),
      programmeName: multilingualName.optional().describe('New name of the programme.'),
      address: text(500).optional().describe('New address where the programme is taught.'),
      reason: text(2000).describe('Why the licence is amended.'),
      amendedOn: isoDate.describe('Date of the amendment.'),
    })
    .refine((c) => c.capacity !== undefined || c.programmeName !== undefined || c.address !== undefined, {
      path: ['capacity'],
      message: 'an amendment must change at least one of capacity, programmeName or address',
    }),
  suspendLicense: z.object({
    ...licenseRef,
    reason: text(2000).describe('Why the licence is suspended.'),
    suspendedOn: isoDate.describe('Date the suspension takes effect.'),
    orderNumber: text(100).optional().describe('Number of the order or decision suspending it.'),
  }),
  resumeLicense: z.object({
    ...licenseRef,
    resumedOn: isoDate.describe('Date the licence is in force again.'),
    reason: text(2000).optional().describe('Why the suspension ended.'),
  }),
  revokeLicense: z.object({
    ...licenseRef,
    reason: text(2000).describe('Why the licence is revoked.'),
    basis: text(300).describe('The decision the revocation rests on, e.g. a court decision number.'),
    revokedOn: isoDate.describe('Date the revocation takes effect.'),
  }),
  recordLicenseExpiry: z.object({
    ...licenseRef,
    expiredOn: isoDate.describe('Date the licence ceased to be valid.'),
  }),
} as const;

export type LicensingCommandName = keyof typeof licensingCommands;

// Who may send each command (regulation §3.3-3.5): the sector's staff prepare the case; granting
// and every change to a licence in force are decisions of the head of the sector or the director.
const licensingStaff: Role[] = ['director', 'acting_director', 'head_of_accreditation_sector', 'senior_inspector', 'specialist', 'inspector'];
const licensingDecisions: Role[] = ['director', 'acting_director', 'head_of_accreditation_sector'];
export const licensingPermissions: Record<LicensingCommandName, Role[]> = {
  applyForLicense: licensingStaff,
  formExpertGroup: licensingStaff,
  recordExpertConclusion: licensingStaff,
  grantLicense: licensingDecisions,
  amendLicense: licensingDecisions,
  suspendLicense: licensingDecisions,
  resumeLicense: licensingDecisions,
  revokeLicense: licensingDecisions,
  recordLicenseExpiry: licensingStaff,
};
/**
 * What the registry knows beyond one licence's stream, read by the pipeline for the commands whose
 * rules span licences. Each id is another licence's; absent means there is none.
 */
export type RegistryFacts = {
  /** A pending application (not yet granted or refused) for the same programme. */
  pendingApplication?: string;
  /** The latest licence granted for the same programme, when it expired or was revoked. */
  endedLicense?: string;
  /** The licence that already carries the licence number asked for. */
  licenseNumberHolder?: string;
};

type NeedsRegistry = 'applyForLicense' | 'grantLicense';

/** A command as the decider sees it: the validated input, its name, the licence it acts on, and for some the registry's facts. */
export type LicensingCommand = {
  [Name in LicensingCommandName]: { type: Name; licenseId: string } & z.infer<(typeof licensingCommands)[Name]> &
    (Name extends NeedsRegistry ? { registry: RegistryFacts } : unknown);
}[LicensingCommandName];

// Events carry what happened, in the past tense, with the data a reader of history needs.
export const licensingEventSchemas = {
  LicenseApplied: z.object({
    licenseId: z.string(),
    programme,
    requestedCapacity: z.number(),
    address: z.string().optional(),
    submittedOn: isoDate,
    /** Added later: events written before carry none, which is true of them (no link was known). */
    previousLicenseId: z.string().optional(),
  }),
  ExpertGroupFormed: z.object({
    licenseId: z.string(),
    kind: expertGroupKind,
    members: z.array(expertMember),
    formedOn: isoDate,
  }),
  ExpertConclusionRecorded: z.object({
    licenseId: z.string(),
    outcome: conclusionOutcome,
    summary: z.string(),
    concludedOn: isoDate,
  }),
  LicenseGranted: z.object({
    licenseId: z.string(),
    licenseNumber: z.string(),
    appendixNumber: z.string(),
    grantedOn: isoDate,
    validUntil: isoDate.nullable(),
    capacity: z.number(),
  }),
  LicenseAmended: z.object({
    licenseId: z.string(),
    capacity: z.number().optional(),
    programmeName: multilingualName.optional(),
    address: z.string().optional(),
    reason: z.string(),
    amendedOn: isoDate,
  }),
  LicenseSuspended: z.object({
    licenseId: z.string(),
    reason: z.string(),
    suspendedOn: isoDate,
    orderNumber: z.string().optional(),
  }),
  LicenseResumed: z.object({ licenseId: z.string(), resumedOn: isoDate, reason: z.string().optional() }),
  LicenseRevoked: z.object({ licenseId: z.string(), reason: z.string(), basis: z.string(), revokedOn: isoDate }),
  LicenseExpired: z.object({ licenseId: z.string(), expiredOn: isoDate }),
} as const;

export type LicensingEventType = keyof typeof licensingEventSchemas;
export type LicensingEvent = {
  [Type in LicensingEventType]: { type: Type; data: z.infer<(typeof licensingEventSchemas)[Type]> };
}[LicensingEventType];
export const licensingEventTypes = Object.keys(licensingEventSchemas) as LicensingEventType[];

/**
 * Version history of licensing events (see src/eventstore/upcasting.ts). ExpertGroupFormed v1
 * listed members by name only, the chair first; v2 records each member's role.
 */
export const licensingUpcasters: Upcaster[] = [
  {
    eventType: 'ExpertGroupFormed',
    fromVersion: 1,
    upcast: (data) => ({
      ...data,
      members: (data.members as string[]).map((name, i) => ({ name, role: i === 0 ? 'chair' : 'member' })),
    }),
  },
];

/** The latest dated step of a licence: no later step may be dated before it. */
type Step = { name: string; on: IsoDate };

/** What the decider needs to remember about a licence to judge the next command. */
export type LicenseState =
  | { exists: false }
  | {
      exists: true;
      status: LicenseStatus;
      lastStep: Step;
      grantedOn: IsoDate | undefined;
      validUntil: IsoDate | null;
      capacity: number;
      programmeName: Programme['name'];
      address: string | undefined;
    };

const initialState: LicenseState = { exists: false };

function evolve(state: LicenseState, event: LicensingEvent): LicenseState {
  if (event.type === 'LicenseApplied') {
    const d = event.data;
    return {
      exists: true,
      status: 'applied',
      lastStep: { name: 'the application', on: d.submittedOn },
      grantedOn: undefined,
      validUntil: null,
      capacity: d.requestedCapacity,
      programmeName: d.programme.name,
      address: d.address,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'ExpertGroupFormed':
      return { ...state, status: 'under_expert_review', lastStep: { name: 'the forming of the expert group', on: event.data.formedOn } };
    case 'ExpertConclusionRecorded':
      return {
        ...state,
        status: event.data.outcome === 'positive' ? 'conclusion_positive' : 'conclusion_negative',
        lastStep: { name: 'the expert conclusion', on: event.data.concludedOn },
      };
    case 'LicenseGranted':
      return {
        ...state,
        status: 'active',
        lastStep: { name: 'the grant', on: event.data.grantedOn },
        grantedOn: event.data.grantedOn,
        validUntil: event.data.validUntil,
        capacity: event.data.capacity,
      };
    case 'LicenseAmended':
      return {
        ...state,
        lastStep: { name: 'the last amendment', on: event.data.amendedOn },
        capacity: event.data.capacity ?? state.capacity,
        programmeName: event.data.programmeName ?? state.programmeName,
        address: event.data.address ?? state.address,
      };
    case 'LicenseSuspended':
      return { ...state, status: 'suspended', lastStep: { name: 'the suspension', on: event.data.suspendedOn } };
    case 'LicenseResumed':
      return { ...state, status: 'active', lastStep: { name: 'the resumption', on: event.data.resumedOn } };
    case 'LicenseRevoked':
      return { ...state, status: 'revoked', lastStep: { name: 'the revocation', on: event.data.revokedOn } };
    case 'LicenseExpired':
      return { ...state, status: 'expired', lastStep: { name: 'the expiry', on: event.data.expiredOn } };
  }
}

type Existing = Extract<LicenseState, { exists: true }>;

const rule = (code: string, message: string) => new DomainRuleError(code, message);

/** The licence must exist; the command pipeline turns a missing stream into NotFoundError first. */
function existing(state: LicenseState): Existing {
  if (!state.exists) throw rule('LICENSE_NOT_FOUND', 'no licence application with this id exists');
  return state;
}

/** A step dated after today has not happened yet. */
function requireNotInFuture(date: IsoDate, field: string, context: CommandContext): void {
  const today = localDateOf(context.now);
  if (date > today) throw rule('DATE_IN_FUTURE', `${field} (${date}) is after today (${today}); record a step once it has happened`);
}

/** Steps happen in order: a step dated before the previous one is a mistake in the date. */
function requireInOrder(state: Existing, date: IsoDate, field: string): void {
  if (date < state.lastStep.on) {
    throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before ${state.lastStep.name} (${state.lastStep.on})`);
  }
}

/**
 * Refusals shared by every command that acts on a granted licence, dated `date`. A licence whose
 * validity has ended is not in force even before its expiry is recorded.
 */
function requireInForce(state: Existing, action: string, date: IsoDate): void {
  if (state.status === 'revoked') throw rule('LICENSE_REVOKED', `a revoked licence cannot be ${action}`);
  if (state.status === 'expired') throw rule('LICENSE_EXPIRED', `an expired licence cannot be ${action}`);
  if (state.grantedOn === undefined) throw rule('LICENSE_NOT_GRANTED', `the licence has not been granted yet, so it cannot be ${action}`);
  if (state.validUntil !== null && date > state.validUntil) {
    throw rule('LICENSE_VALIDITY_ENDED', `the licence was valid until ${state.validUntil}, so on ${date} it cannot be ${action}; record its expiry instead`);
  }
}

const sameName = (a: MultilingualName, b: MultilingualName): boolean => a.ky === b.ky && a.ru === b.ru && a.en === b.en;

function decide(command: LicensingCommand, state: LicenseState, context: CommandContext): LicensingEvent[] {
  if (command.type === 'applyForLicense') {
    if (state.exists) throw rule('LICENSE_ALREADY_APPLIED', 'this licence application already exists');
    requireNotInFuture(command.submittedOn, 'submittedOn', context);
    const { pendingApplication, endedLicense } = command.registry;
    if (pendingApplication !== undefined) {
      throw rule(
        'APPLICATION_ALREADY_PENDING',
        `the programme (code, level and form of study) already has a pending application, ${pendingApplication}; decide it before applying again`,
      );
    }
    const { type: _type, registry: _registry, ...data } = command;
    return [{ type: 'LicenseApplied', data: endedLicense === undefined ? data : { ...data, previousLicenseId: endedLicense } }];
  }
  const licence = existing(state);
  const licenseId = command.licenseId;
  switch (command.type) {
    case 'formExpertGroup': {
      if (licence.grantedOn !== undefined || licence.status === 'revoked' || licence.status === 'expired') {
        throw rule('LICENSE_ALREADY_DECIDED', 'an expert group can only be formed for an application that has not been granted');
      }
      requireInOrder(licence, command.formedOn, 'formedOn');
      requireNotInFuture(command.formedOn, 'formedOn', context);
      const { type: _type, ...data } = command;
      return [{ type: 'ExpertGroupFormed', data }];
    }
    case 'recordExpertConclusion': {
      if (licence.status !== 'under_expert_review') {
        throw rule('EXPERT_GROUP_REQUIRED', 'a conclusion can only be recorded while an expert group is examining the application');
      }
      requireInOrder(licence, command.concludedOn, 'concludedOn');
      requireNotInFuture(command.concludedOn, 'concludedOn', context);
      const { type: _type, ...data } = command;
      return [{ type: 'ExpertConclusionRecorded', data }];
    }
    case 'grantLicense': {
      if (licence.grantedOn !== undefined || licence.status === 'revoked' || licence.status === 'expired') {
        throw rule('LICENSE_ALREADY_GRANTED', 'the licence has already been granted');
      }
      if (licence.status === 'conclusion_negative') {
        throw rule('EXPERT_CONCLUSION_NEGATIVE', 'the expert conclusion is negative, so the licence cannot be granted');
      }
      if (licence.status !== 'conclusion_positive') {
        throw rule('EXPERT_CONCLUSION_REQUIRED', 'a licence cannot be granted before a positive expert conclusion');
      }
      requireInOrder(licence, command.grantedOn, 'grantedOn');
      requireNotInFuture(command.grantedOn, 'grantedOn', context);
      if ((command.validUntil === undefined) !== (command.indefinite === true)) {
        throw rule('VALIDITY_UNSTATED', 'a grant gives either validUntil or indefinite: true, exactly one of them');
      }
      if (command.validUntil !== undefined && command.validUntil <= command.grantedOn) {
        throw rule('VALIDITY_BEFORE_GRANT', `validUntil (${command.validUntil}) must be after grantedOn (${command.grantedOn})`);
      }
      const holder = command.registry.licenseNumberHolder;
      if (holder !== undefined && holder !== licenseId) {
        throw rule('LICENSE_NUMBER_TAKEN', `licence number ${command.licenseNumber} is already in the registry, on licence ${holder}`);
      }
      return [
        {
          type: 'LicenseGranted',
          data: {
            licenseId,
            licenseNumber: command.licenseNumber,
            appendixNumber: command.appendixNumber,
            grantedOn: command.grantedOn,
            validUntil: command.validUntil ?? null,
            capacity: licence.capacity,
          },
        },
      ];
    }
    case 'amendLicense': {
      requireInForce(licence, 'amended', command.amendedOn);
      requireInOrder(licence, command.amendedOn, 'amendedOn');
      const changed =
        (command.capacity !== undefined && command.capacity !== licence.capacity) ||
        (command.programmeName !== undefined && !sameName(command.programmeName, licence.programmeName)) ||
        (command.address !== undefined && command.address !== licence.address);
      if (!changed) throw rule('NOTHING_TO_AMEND', 'the amendment changes nothing: every value given equals the current one');
      const { type: _type, ...data } = command;
      return [{ type: 'LicenseAmended', data }];
    }
    case 'suspendLicense': {
      requireInForce(licence, 'suspended', command.suspendedOn);
      if (licence.status === 'suspended') throw rule('LICENSE_ALREADY_SUSPENDED', 'the licence is already suspended');
      requireInOrder(licence, command.suspendedOn, 'suspendedOn');
      const { type: _type, ...data } = command;
      return [{ type: 'LicenseSuspended', data }];
    }
    case 'resumeLicense': {
      if (licence.status !== 'suspended') throw rule('LICENSE_NOT_SUSPENDED', 'only a suspended licence can be resumed');
      requireInForce(licence, 'resumed', command.resumedOn);
      requireInOrder(licence, command.resumedOn, 'resumedOn');
      const { type: _type, ...data } = command;
      return [{ type: 'LicenseResumed', data }];
    }
    case 'revokeLicense': {
      requireInForce(licence, 'revoked', command.revokedOn);
      requireInOrder(licence, command.revokedOn, 'revokedOn');
      const { type: _type, ...data } = command;
      return [{ type: 'LicenseRevoked', data }];
    }
    case 'recordLicenseExpiry': {
      if (licence.status === 'revoked') throw rule('LICENSE_REVOKED', 'a revoked licence cannot be recorded as expired');
      if (licence.status === 'expired') throw rule('LICENSE_EXPIRED', 'the expiry of this licence is already recorded');
      if (licence.grantedOn === undefined) throw rule('LICENSE_NOT_GRANTED', 'the licence has not been granted yet, so it cannot expire');
      if (licence.validUntil === null) {
        throw rule('LICENSE_WITHOUT_TIME_LIMIT', 'the licence is valid without a time limit, so it cannot expire');
      }
      const today = localDateOf(context.now);
      if (command.expiredOn <= licence.validUntil || today <= licence.validUntil) {
        throw rule('LICENSE_STILL_VALID', `the licence is valid until ${licence.validUntil}; expiry can only be recorded, and dated, after that date`);
      }
      requireNotInFuture(command.expiredOn, 'expiredOn', context);
      const { type: _type, ...data } = command;
      return [{ type: 'LicenseExpired', data }];
    }
  }
}

export const licensingDecider: Decider<LicensingCommand, LicensingEvent, LicenseState> = { initialState, evolve, decide };

/** The date each licensing event takes effect on, the one its document carries: what time travel by business date compares. */
export const licensingEffectiveDates: { [Type in LicensingEventType]: (data: z.infer<(typeof licensingEventSchemas)[Type]>) => IsoDate } = {
  LicenseApplied: (d) => d.submittedOn,
  ExpertGroupFormed: (d) => d.formedOn,
  ExpertConclusionRecorded: (d) => d.concludedOn,
  LicenseGranted: (d) => d.grantedOn,
  LicenseAmended: (d) => d.amendedOn,
  LicenseSuspended: (d) => d.suspendedOn,
  LicenseResumed: (d) => d.resumedOn,
  LicenseRevoked: (d) => d.revokedOn,
  LicenseExpired: (d) => d.expiredOn,
};
