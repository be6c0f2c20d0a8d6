// The evidence library (issue 9, item 3): each document the sector relies on (an order, minutes, a
// report, a data set, a web page) is kept once, with its versions, and attached where it proves
// something (a criterion's section of a self-assessment, the follow-up of a recommendation). A new
// version does not detach it: an attachment names the document, which is read at its latest version.
import { z } from 'zod';
import type { CommandContext, Decider } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const evidenceCategory = 'evidence';

const kinds = ['regulation', 'order', 'minutes', 'report', 'dataset', 'web_page', 'other'] as const;
export const evidenceKindLabels: Labels<(typeof kinds)[number]> = {
  regulation: { ky: 'Жобо', ru: 'Положение', en: 'Regulation' },
  order: { ky: 'Буйрук', ru: 'Приказ', en: 'Order' },
  minutes: { ky: 'Протокол', ru: 'Протокол', en: 'Minutes' },
  report: { ky: 'Отчет', ru: 'Отчёт', en: 'Report' },
  dataset: { ky: 'Маалыматтар топтому', ru: 'Набор данных', en: 'Data set' },
  web_page: { ky: 'Веб-барак', ru: 'Веб-страница', en: 'Web page' },
  other: { ky: 'Башка', ru: 'Другое', en: 'Other' },
};
export const evidenceKind = z
  .enum(kinds)
  .meta({ id: 'EvidenceKind', description: 'What kind of document a piece of evidence is.', labels: evidenceKindLabels });

const evidenceRef = { evidenceId: entityId('evidence document').describe('The document acted on.') };

export const evidenceCommands = {
  registerEvidence: z.object({
    title: text(500).describe('Title of the document.'),
    kind: evidenceKind,
    reference: text(1000).describe('Where it is: a registry number, a file reference or a link.'),
    ownerUnit: text(200).describe('Unit that keeps the document and answers for it.'),
    dataRequestId: entityId('data request')
      .optional()
      .describe('The data request whose accepted answer supplied the document, when it was gathered through one.'),
    registeredOn: isoDate.describe('Date of this first version.'),
  }),
  reviseEvidence: z.object({
    ...evidenceRef,
    reference: text(1000).describe('Where the new version is.'),
    note: text(2000).describe('What changed in this version.'),
    revisedOn: isoDate.describe('Date of the new version.'),
  }),
} as const;

export type EvidenceCommandName = keyof typeof evidenceCommands;
export type EvidenceCommand = {
  [Name in EvidenceCommandName]: { type: Name; evidenceId: string } & z.infer<(typeof evidenceCommands)[Name]>;
}[EvidenceCommandName];

export const evidenceEventSchemas = {
  EvidenceRegistered: z.object({
    evidenceId: z.string(),
    title: z.string(),
    kind: evidenceKind,
    reference: z.string(),
    ownerUnit: z.string(),
    /** Added later: documents registered before could not name a data request, which is true of them. */
    dataRequestId: z.string().optional(),
    registeredOn: isoDate,
  }),
  EvidenceRevised: z.object({ evidenceId: z.string(), version: z.number(), reference: z.string(), note: z.string(), revisedOn: isoDate }),
} as const;
export type EvidenceEventType = keyof typeof evidenceEventSchemas;
export type EvidenceEvent = { [Type in EvidenceEventType]: { type: Type; data: z.infer<(typeof evidenceEventSchemas)[Type]> } }[EvidenceEventType];
export const evidenceEventTypes = Object.keys(evidenceEventSchemas) as EvidenceEventType[];

export type EvidenceState = { exists: false } | { exists: true; title: string; version: number; lastOn: IsoDate };

const initialState: EvidenceState = { exists: false };

function evolve(state: EvidenceState, event: EvidenceEvent): EvidenceState {
  if (event.type === 'EvidenceRegistered') return { exists: true, title: event.data.title, version: 1, lastOn: event.data.registeredOn };
  if (!state.exists) return state;
  return { ...state, version: event.data.version, lastOn: event.data.revisedOn };
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: EvidenceCommand, state: EvidenceState, _context: CommandContext): EvidenceEvent[] {
  if (command.type === 'registerEvidence') {
    if (state.exists) throw rule('EVIDENCE_ALREADY_REGISTERED', 'this document is already in the library');
    const { type: _type, ...data } = command;
    return [{ type: 'EvidenceRegistered', data }];
  }
  if (!state.exists) throw rule('EVIDENCE_NOT_FOUND', 'no document with this id is in the library');
  if (command.revisedOn < state.lastOn) {
    throw rule('DATE_BEFORE_PREVIOUS_STEP', `revisedOn (${command.revisedOn}) cannot be before version ${state.version} (${state.lastOn})`);
  }
  const { type: _type, ...data } = command;
  return [{ type: 'EvidenceRevised', data: { ...data, version: state.version + 1 } }];
}

export const evidenceDecider: Decider<EvidenceCommand, EvidenceEvent, EvidenceState> = { initialState, evolve, decide };
