// Analytical reports (DOMAIN.md 2.1 item 7, 3.1): prepared on a subject for a period, submitted to the
// director, approved or returned for rework, and sent to management, agencies or external parties.
// A report names what it reports on as typed references (a licence, an accreditation case, an
// indicator, a ranking edition...), so a reader can go from the report to its sources.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff } from './staff.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const analyticalReportCategory = 'analyticalReport';

const statuses = ['draft', 'submitted', 'returned', 'approved', 'sent'] as const;
const referenceKinds = [
  'license',
  'accreditation',
  'indicator',
  'rating_campaign',
  'ranking_edition',
  'monitoring',
  'data_request',
  'document',
  'corrective_action',
] as const;
const recipientKinds = ['management', 'agency', 'external'] as const;

export const analyticalReportStatus = z.enum(statuses).meta({
  id: 'AnalyticalReportStatus',
  description: 'Where an analytical report stands.',
  labels: {
    draft: { ky: 'Даярдалууда', ru: 'Готовится', en: 'Draft' },
    submitted: { ky: 'Тапшырылды', ru: 'Представлен', en: 'Submitted' },
    returned: { ky: 'Кайра иштетүүгө кайтарылды', ru: 'Возвращён на доработку', en: 'Returned for rework' },
    approved: { ky: 'Бекитилди', ru: 'Утверждён', en: 'Approved' },
    sent: { ky: 'Жөнөтүлдү', ru: 'Направлен', en: 'Sent' },
  } satisfies Labels<(typeof statuses)[number]>,
});
export const reportReferenceKind = z.enum(referenceKinds).meta({
  id: 'ReportReferenceKind',
  description: 'What kind of record a report refers to.',
  labels: {
    license: { ky: 'Лицензия', ru: 'Лицензия', en: 'Licence' },
    accreditation: { ky: 'Аккредитация иши', ru: 'Дело аккредитации', en: 'Accreditation case' },
    indicator: { ky: 'Көрсөткүч', ru: 'Показатель', en: 'Indicator' },
    rating_campaign: { ky: 'Рейтинг кампаниясы', ru: 'Рейтинговая кампания', en: 'Rating campaign' },
    ranking_edition: { ky: 'Рейтинг чыгарылышы', ru: 'Выпуск рейтинга', en: 'Ranking edition' },
    monitoring: { ky: 'Мониторинг', ru: 'Мониторинг', en: 'Monitoring' },
    data_request: { ky: 'Маалымат суроо', ru: 'Запрос информации', en: 'Data request' },
    document: { ky: 'Ченемдик документ', ru: 'Нормативный документ', en: 'Normative document' },
    corrective_action: { ky: 'Оңдоочу чара', ru: 'Корректирующее действие', en: 'Corrective action' },
  } satisfies Labels<(typeof referenceKinds)[number]>,
});
export const reportRecipientKind = z.enum(recipientKinds).meta({
  id: 'ReportRecipientKind',
  description: 'To whom a report is sent.',
  labels: {
    management: { ky: 'Университеттин жетекчилиги', ru: 'Руководство университета', en: 'University management' },
    agency: { ky: 'Агенттик же министрлик', ru: 'Агентство или министерство', en: 'Agency or ministry' },
    external: { ky: 'Тышкы тарап', ru: 'Внешняя сторона', en: 'External party' },
  } satisfies Labels<(typeof recipientKinds)[number]>,
});

const reference = z
  .object({ kind: reportReferenceKind, id: text(100).describe('Id of the record (plain id).') })
  .meta({ id: 'ReportReference', description: 'A record a report reports on: its kind and id.' });

const reportRef = { analyticalReportId: entityId('analytical report').describe('The report acted on.') };

const prepareFields = z.object({
  title: text(500).describe('Title of the report.'),
  subject: text(500).describe('What the report is about.'),
  periodFrom: isoDate.describe('First day of the period reported on.'),
  periodTo: isoDate.describe('Last day of the period reported on.'),
  summary: text(8000).describe('The findings in short.'),
  references: z.array(reference).max(100).describe('The records it reports on.'),
  preparedOn: isoDate.describe('Date the draft was prepared.'),
});

export const analyticalReportCommands = {
  prepareAnalyticalReport: prepareFields.refine((c) => c.periodTo >= c.periodFrom, { path: ['periodTo'], message: 'must not be before periodFrom' }),
  submitAnalyticalReport: z.object({ ...reportRef, submittedOn: isoDate.describe('Date it was submitted to the director.') }),
  approveAnalyticalReport: z.object({ ...reportRef, approvedOn: isoDate.describe('Date the director approved it.') }),
  returnAnalyticalReport: z.object({
    ...reportRef,
    returnedOn: isoDate.describe('Date it was returned.'),
    reason: text(2000).describe('What must be reworked.'),
  }),
  sendAnalyticalReport: z.object({
    ...reportRef,
    sentOn: isoDate.describe('Date it was sent.'),
    recipientKind: reportRecipientKind,
    recipient: text(300).describe('Who it was sent to.'),
  }),
} as const;

export type AnalyticalReportCommandName = keyof typeof analyticalReportCommands;
export type AnalyticalReportCommand = {
  [N in AnalyticalReportCommandName]: { type: N; analyticalReportId: string } & z.infer<(typeof analyticalReportCommands)[N]>;
}[AnalyticalReportCommandName];

const dispatch = z.object({ sentOn: isoDate, recipientKind: reportRecipientKind, recipient: z.string() });

export const analyticalReportEventSchemas = {
  AnalyticalReportPrepared: prepareFields.extend({ analyticalReportId: z.string() }),
  AnalyticalReportSubmitted: z.object({ analyticalReportId: z.string(), submittedOn: isoDate }),
  AnalyticalReportApproved: z.object({ analyticalReportId: z.string(), approvedOn: isoDate, approvedBy: z.string() }),
  AnalyticalReportReturned: z.object({ analyticalReportId: z.string(), returnedOn: isoDate, reason: z.string() }),
  AnalyticalReportSent: dispatch.extend({ analyticalReportId: z.string() }),
} as const;
export type AnalyticalReportEvent = {
  [T in keyof typeof analyticalReportEventSchemas]: { type: T; data: z.infer<(typeof analyticalReportEventSchemas)[T]> };
}[keyof typeof analyticalReportEventSchemas];
export const analyticalReportEventTypes = Object.keys(analyticalReportEventSchemas) as AnalyticalReportEvent['type'][];

export type AnalyticalReportState =
  | { exists: false }
  | (z.infer<typeof prepareFields> & {
      exists: true;
      status: z.infer<typeof analyticalReportStatus>;
      submittedOn: IsoDate | null;
      approval: { approvedOn: IsoDate; approvedBy: string } | null;
      returns: { returnedOn: IsoDate; reason: string }[];
      dispatches: z.infer<typeof dispatch>[];
      lastOn: IsoDate;
    });

function evolve(state: AnalyticalReportState, event: AnalyticalReportEvent): AnalyticalReportState {
  if (event.type === 'AnalyticalReportPrepared') {
    const { analyticalReportId: _id, ...d } = event.data;
    return { exists: true, ...d, status: 'draft', submittedOn: null, approval: null, returns: [], dispatches: [], lastOn: d.preparedOn };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'AnalyticalReportSubmitted':
      return { ...state, status: 'submitted', submittedOn: event.data.submittedOn, lastOn: event.data.submittedOn };
    case 'AnalyticalReportApproved':
      return {
        ...state,
        status: 'approved',
        approval: { approvedOn: event.data.approvedOn, approvedBy: event.data.approvedBy },
        lastOn: event.data.approvedOn,
      };
    case 'AnalyticalReportReturned':
      return {
        ...state,
        status: 'returned',
        returns: [...state.returns, { returnedOn: event.data.returnedOn, reason: event.data.reason }],
        lastOn: event.data.returnedOn,
      };
    case 'AnalyticalReportSent': {
      const { analyticalReportId: _id, ...d } = event.data;
      return { ...state, status: 'sent', dispatches: [...state.dispatches, d], lastOn: d.sentOn };
    }
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);
type Existing = Extract<AnalyticalReportState, { exists: true }>;
function requireNotBefore(state: Existing, date: IsoDate, field: string): void {
  if (date < state.lastOn) throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before the report's previous step (${state.lastOn})`);
}

function decide(command: AnalyticalReportCommand, state: AnalyticalReportState, context: CommandContext): AnalyticalReportEvent[] {
  if (command.type === 'prepareAnalyticalReport') {
    if (state.exists) throw rule('REPORT_ALREADY_PREPARED', 'this report already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'AnalyticalReportPrepared', data }];
  }
  if (!state.exists) throw rule('REPORT_NOT_FOUND', 'no analytical report with this id exists');
  const { analyticalReportId } = command;
  switch (command.type) {
    case 'submitAnalyticalReport':
      if (state.status !== 'draft' && state.status !== 'returned')
        throw rule('REPORT_NOT_DRAFT', `only a draft or returned report is submitted; this one is ${state.status}`);
      requireNotBefore(state, command.submittedOn, 'submittedOn');
      return [{ type: 'AnalyticalReportSubmitted', data: { analyticalReportId, submittedOn: command.submittedOn } }];
    case 'approveAnalyticalReport':
      if (state.status !== 'submitted') throw rule('REPORT_NOT_SUBMITTED', `only a submitted report is approved; this one is ${state.status}`);
      requireNotBefore(state, command.approvedOn, 'approvedOn');
      return [{ type: 'AnalyticalReportApproved', data: { analyticalReportId, approvedOn: command.approvedOn, approvedBy: context.actor.name } }];
    case 'returnAnalyticalReport':
      if (state.status !== 'submitted') throw rule('REPORT_NOT_SUBMITTED', `only a submitted report is returned; this one is ${state.status}`);
      requireNotBefore(state, command.returnedOn, 'returnedOn');
      return [{ type: 'AnalyticalReportReturned', data: { analyticalReportId, returnedOn: command.returnedOn, reason: command.reason } }];
    case 'sendAnalyticalReport': {
      if (state.status !== 'approved' && state.status !== 'sent')
        throw rule('REPORT_NOT_APPROVED', `a report is sent once the director approved it; this one is ${state.status}`);
      requireNotBefore(state, command.sentOn, 'sentOn');
      const { type: _type, ...data } = command;
      return [{ type: 'AnalyticalReportSent', data }];
    }
  }
}

export const analyticalReportDecider: Decider<AnalyticalReportCommand, AnalyticalReportEvent, AnalyticalReportState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

/** The director (or the acting director) approves what leaves the department in its name. */
export const departmentApprovers: Role[] = ['director', 'acting_director'];

export const analyticalReportPermissions: Record<AnalyticalReportCommandName, Role[]> = {
  prepareAnalyticalReport: departmentStaff,
  submitAnalyticalReport: departmentStaff,
  approveAnalyticalReport: departmentApprovers,
  returnAnalyticalReport: departmentApprovers,
  sendAnalyticalReport: departmentStaff,
};
