// SWOT analyses (DOMAIN.md 2.1 item 3): the department analyses strengths, weaknesses,
// opportunities and threats from internal and external data, and the director publishes the
// analysis. A published analysis is a record: it is not changed afterwards.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { strategyDecisions, strategyStaff } from './strategic-plan.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const swotAnalysisCategory = 'swotAnalysis';

const sourceKinds = ['internal', 'external'] as const;
export const swotSourceKindLabels: Labels<(typeof sourceKinds)[number]> = {
  internal: { ky: 'Ички маалымат', ru: 'Внутренние данные', en: 'Internal data' },
  external: { ky: 'Тышкы маалымат', ru: 'Внешние данные', en: 'External data' },
};
export const swotSourceKind = z
  .enum(sourceKinds)
  .meta({ id: 'SwotSourceKind', description: 'Whether data comes from inside the university or from outside.', labels: swotSourceKindLabels });

const statuses = ['draft', 'published'] as const;
export const swotStatusLabels: Labels<(typeof statuses)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Черновик', en: 'Draft' },
  published: { ky: 'Жарыяланды', ru: 'Опубликован', en: 'Published' },
};
export const swotStatus = z
  .enum(statuses)
  .meta({ id: 'SwotAnalysisStatus', description: 'Whether the analysis is a draft or published.', labels: swotStatusLabels });

const swotSource = z
  .object({ kind: swotSourceKind, description: text(500).describe('The data used, e.g. "student survey 2026", "QS Asia 2026 results".') })
  .meta({ id: 'SwotSource', description: 'A source of data the analysis rests on.' });
const items = (what: string) => z.array(text(1000)).max(30, 'must have at most 30 items').describe(what);

const recordFields = z.object({
  title: text(300).describe('Title of the analysis.'),
  scope: text(300).describe('What is analysed: the university, a faculty, a programme...'),
  sources: z
    .array(swotSource)
    .min(1, 'must name at least one source of data')
    .max(30, 'must have at most 30 sources')
    .describe('The internal and external data it rests on.'),
  strengths: items('Strengths.'),
  weaknesses: items('Weaknesses.'),
  opportunities: items('Opportunities.'),
  threats: items('Threats.'),
  analysedOn: isoDate.describe('Date of the analysis.'),
});

export const swotAnalysisCommands = {
  recordSwotAnalysis: recordFields.refine((c) => c.strengths.length + c.weaknesses.length + c.opportunities.length + c.threats.length > 0, {
    path: ['strengths'],
    message: 'the analysis must name at least one strength, weakness, opportunity or threat',
  }),
  publishSwotAnalysis: z.object({
    swotAnalysisId: entityId('SWOT analysis').describe('The analysis published.'),
    publishedOn: isoDate.describe('Date of publication.'),
  }),
} as const;

export type SwotAnalysisCommandName = keyof typeof swotAnalysisCommands;
export type SwotAnalysisCommand = {
  [Name in SwotAnalysisCommandName]: { type: Name; swotAnalysisId: string } & z.infer<(typeof swotAnalysisCommands)[Name]>;
}[SwotAnalysisCommandName];

export const swotAnalysisEventSchemas = {
  SwotAnalysisRecorded: recordFields.extend({ swotAnalysisId: z.string() }),
  SwotAnalysisPublished: z.object({ swotAnalysisId: z.string(), publishedOn: isoDate }),
} as const;
export type SwotAnalysisEventType = keyof typeof swotAnalysisEventSchemas;
export type SwotAnalysisEvent = {
  [Type in SwotAnalysisEventType]: { type: Type; data: z.infer<(typeof swotAnalysisEventSchemas)[Type]> };
}[SwotAnalysisEventType];
export const swotAnalysisEventTypes = Object.keys(swotAnalysisEventSchemas) as SwotAnalysisEventType[];

export type SwotAnalysisState = { exists: false } | { exists: true; published: boolean; analysedOn: IsoDate };

function evolve(state: SwotAnalysisState, event: SwotAnalysisEvent): SwotAnalysisState {
  if (event.type === 'SwotAnalysisRecorded') return { exists: true, published: false, analysedOn: event.data.analysedOn };
  return state.exists ? { ...state, published: true } : state;
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: SwotAnalysisCommand, state: SwotAnalysisState, _context: CommandContext): SwotAnalysisEvent[] {
  if (command.type === 'recordSwotAnalysis') {
    if (state.exists) throw rule('SWOT_ALREADY_RECORDED', 'this SWOT analysis already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'SwotAnalysisRecorded', data }];
  }
  if (!state.exists) throw rule('SWOT_NOT_FOUND', 'no SWOT analysis with this id exists');
  if (state.published) throw rule('SWOT_ALREADY_PUBLISHED', 'the analysis is already published');
  if (command.publishedOn < state.analysedOn)
    throw rule('PUBLISHED_BEFORE_ANALYSIS', `publishedOn (${command.publishedOn}) cannot be before the analysis (${state.analysedOn})`);
  return [{ type: 'SwotAnalysisPublished', data: { swotAnalysisId: command.swotAnalysisId, publishedOn: command.publishedOn } }];
}

export const swotAnalysisDecider: Decider<SwotAnalysisCommand, SwotAnalysisEvent, SwotAnalysisState> = { initialState: { exists: false }, evolve, decide };

export const swotAnalysisPermissions: Record<SwotAnalysisCommandName, Role[]> = {
  recordSwotAnalysis: strategyStaff,
  publishSwotAnalysis: strategyDecisions,
};
