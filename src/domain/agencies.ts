// Accreditation agencies (DOMAIN.md §3.1; research §3.3): national or international bodies in the
// national register for a period, members of networks such as EQAR or APQN, each publishing
// frameworks of standards and criteria. A framework is versioned: publishing it again makes a new
// version, and a case keeps the version it started with (the case copies its criteria).
import { z } from 'zod';
import type { CommandContext, Decider } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const agencyCategory = 'agency';

const agencyKinds = ['national', 'international'] as const;
const memberships = ['eqar', 'enqa', 'apqn', 'inqaahe', 'wfme', 'ceenqa', 'other'] as const;

export const agencyKindLabels: Labels<(typeof agencyKinds)[number]> = {
  national: { ky: 'Улуттук', ru: 'Национальное', en: 'National' },
  international: { ky: 'Эл аралык', ru: 'Международное', en: 'International' },
};

export const agencyMembershipLabels: Labels<(typeof memberships)[number]> = {
  eqar: { ky: 'EQAR реестри', ru: 'Реестр EQAR', en: 'EQAR register' },
  enqa: { ky: 'ENQA мүчөсү', ru: 'Член ENQA', en: 'ENQA member' },
  apqn: { ky: 'APQN мүчөсү', ru: 'Член APQN', en: 'APQN member' },
  inqaahe: { ky: 'INQAAHE мүчөсү', ru: 'Член INQAAHE', en: 'INQAAHE member' },
  wfme: { ky: 'WFME тааныган', ru: 'Признано WFME', en: 'WFME recognised' },
  ceenqa: { ky: 'CEENQA мүчөсү', ru: 'Член CEENQA', en: 'CEENQA member' },
  other: { ky: 'Башка тармак', ru: 'Другая сеть', en: 'Other network' },
};

export const agencyKind = z
  .enum(agencyKinds)
  .meta({ id: 'AgencyKind', description: 'Whether the agency is national (Kyrgyz) or international.', labels: agencyKindLabels });
export const agencyMembership = z
  .enum(memberships)
  .meta({ id: 'AgencyMembership', description: 'A quality-assurance network or register the agency belongs to.', labels: agencyMembershipLabels });

const criterionCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/, 'must be a short code of letters, digits, dots or dashes (e.g. 1.2)');

export const frameworkCriterion = z
  .object({
    code: criterionCode.describe('Code of the criterion within the framework, e.g. 1.2.'),
    standard: text(300).describe('The standard the criterion belongs to, e.g. "1. Quality assurance policy".'),
    title: text(500).describe('What the criterion requires.'),
  })
  .meta({ id: 'FrameworkCriterion', description: 'One criterion of an agency’s framework of standards.' });
export type FrameworkCriterion = z.infer<typeof frameworkCriterion>;

const frameworkKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a short key of lower-case letters, digits and dashes (e.g. programme)');

const agencyRef = { agencyId: entityId('accreditation agency').describe('The agency acted on.') };

export const agencyCommands = {
  registerAgency: z
    .object({
      name: text(300).describe('Name of the agency.'),
      kind: agencyKind,
      country: text(100).describe('Country where the agency is based.'),
      registeredFrom: isoDate.describe('First day the agency is in the national register of recognised agencies.'),
      registeredUntil: isoDate.optional().describe('Last day of its registration; omit when open-ended.'),
      memberships: z.array(agencyMembership).max(10).default([]).describe('Networks and registers the agency belongs to.'),
      website: text(300).optional().describe('The agency’s website.'),
    })
    .refine((c) => c.registeredUntil === undefined || c.registeredUntil > c.registeredFrom, {
      path: ['registeredUntil'],
      message: 'must be after registeredFrom',
    }),
  renewAgencyRegistration: z.object({
    ...agencyRef,
    registeredUntil: isoDate.describe('New last day of the agency’s registration.'),
    memberships: z.array(agencyMembership).max(10).optional().describe('Its memberships now, when they changed.'),
  }),
  publishAgencyFramework: z
    .object({
      ...agencyRef,
      framework: frameworkKey.describe(
        'Key of the framework within the agency, e.g. institutional or programme; publishing the same key again makes a new version.',
      ),
      title: text(300).describe('Title of the framework (standards and criteria).'),
      adoptedOn: isoDate.describe('Date the agency adopted this version.'),
      criteria: z.array(frameworkCriterion).min(1, 'must list at least one criterion').max(200).describe('The criteria of this version.'),
    })
    .refine((c) => new Set(c.criteria.map((k) => k.code)).size === c.criteria.length, { path: ['criteria'], message: 'must not repeat a criterion code' }),
} as const;

export type AgencyCommandName = keyof typeof agencyCommands;
export type AgencyCommand = {
  [Name in AgencyCommandName]: { type: Name; agencyId: string } & z.infer<(typeof agencyCommands)[Name]>;
}[AgencyCommandName];

export const agencyEventSchemas = {
  AgencyRegistered: z.object({
    agencyId: z.string(),
    name: z.string(),
    kind: agencyKind,
    country: z.string(),
    registeredFrom: isoDate,
    registeredUntil: isoDate.optional(),
    memberships: z.array(agencyMembership),
    website: z.string().optional(),
  }),
  AgencyRegistrationRenewed: z.object({ agencyId: z.string(), registeredUntil: isoDate, memberships: z.array(agencyMembership).optional() }),
  AgencyFrameworkPublished: z.object({
    agencyId: z.string(),
    framework: z.string(),
    version: z.number(),
    title: z.string(),
    adoptedOn: isoDate,
    criteria: z.array(frameworkCriterion),
  }),
} as const;

export type AgencyEventType = keyof typeof agencyEventSchemas;
export type AgencyEvent = { [Type in AgencyEventType]: { type: Type; data: z.infer<(typeof agencyEventSchemas)[Type]> } }[AgencyEventType];
export const agencyEventTypes = Object.keys(agencyEventSchemas) as AgencyEventType[];

/** A framework version as cases copy it when they start. */
export type FrameworkVersion = { framework: string; version: number; title: string; adoptedOn: IsoDate; criteria: FrameworkCriterion[] };

export type AgencyState =
  | { exists: false }
  | { exists: true; name: string; registeredFrom: IsoDate; registeredUntil: IsoDate | undefined; frameworks: Record<string, FrameworkVersion> };

const initialState: AgencyState = { exists: false };

function evolve(state: AgencyState, event: AgencyEvent): AgencyState {
  if (event.type === 'AgencyRegistered') {
    const d = event.data;
    return { exists: true, name: d.name, registeredFrom: d.registeredFrom, registeredUntil: d.registeredUntil, frameworks: {} };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'AgencyRegistrationRenewed':
      return { ...state, registeredUntil: event.data.registeredUntil };
    case 'AgencyFrameworkPublished': {
      const { agencyId: _agencyId, ...version } = event.data;
      return { ...state, frameworks: { ...state.frameworks, [version.framework]: version } };
    }
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: AgencyCommand, state: AgencyState, _context: CommandContext): AgencyEvent[] {
  if (command.type === 'registerAgency') {
    if (state.exists) throw rule('AGENCY_ALREADY_REGISTERED', 'this agency is already registered');
    const { type: _type, ...data } = command;
    return [{ type: 'AgencyRegistered', data }];
  }
  if (!state.exists) throw rule('AGENCY_NOT_FOUND', 'no agency with this id is registered');
  switch (command.type) {
    case 'renewAgencyRegistration':
      if (command.registeredUntil <= (state.registeredUntil ?? state.registeredFrom)) {
        throw rule(
          'REGISTRATION_NOT_EXTENDED',
          `registeredUntil (${command.registeredUntil}) must be after the current end of registration (${state.registeredUntil ?? state.registeredFrom})`,
        );
      }
      return [
        {
          type: 'AgencyRegistrationRenewed',
          data: { agencyId: command.agencyId, registeredUntil: command.registeredUntil, ...(command.memberships ? { memberships: command.memberships } : {}) },
        },
      ];
    case 'publishAgencyFramework': {
      const previous = state.frameworks[command.framework];
      if (previous && command.adoptedOn < previous.adoptedOn) {
        throw rule(
          'FRAMEWORK_VERSION_OUT_OF_ORDER',
          `adoptedOn (${command.adoptedOn}) cannot be before version ${previous.version} of ${command.framework} (adopted ${previous.adoptedOn})`,
        );
      }
      const { agencyId, framework, title, adoptedOn, criteria } = command;
      return [{ type: 'AgencyFrameworkPublished', data: { agencyId, framework, version: (previous?.version ?? 0) + 1, title, adoptedOn, criteria } }];
    }
  }
}

export const agencyDecider: Decider<AgencyCommand, AgencyEvent, AgencyState> = { initialState, evolve, decide };
