// Rankings in GraphQL, the commands: one mutation per command on an organisation (and its
// agreements) or an edition (its submission, result and measures). What the rules need from other
// streams is read here and checked before the command is decided: the organisation an edition is
// announced for exists and has no edition of that year yet (checked under the hub's gate, so two
// announcements cannot both pass), and a measure's strategy indicator exists.
import { gateOf } from '../src/commands/gate.ts';
import { entityIdFor } from '../src/commands/ids.ts';
import { DomainRuleError, NotFoundError } from '../src/domain/errors.ts';
import { rankingEditionCategory, rankingEditionCommands, rankingEditionDecider, type RankingEditionCommandName } from '../src/domain/ranking-editions.ts';
import {
  rankingOrganisationCategory,
  rankingOrganisationCommands,
  rankingOrganisationDecider,
  type RankingOrganisationCommandName,
} from '../src/domain/ranking-organisations.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { checkCitedDataRequest } from './data-request-citation.ts';
import { entityPayload, runEntityCommand } from './entity-command.ts';
import { plainIdOf } from './ids.ts';
import { RankingEdition, RankingOrganisation } from './rankings.ts';

const OrganisationPayload = entityPayload('RankingOrganisationPayload', 'rankingOrganisation', RankingOrganisation, 'ranking organisation');
const EditionPayload = entityPayload('RankingEditionPayload', 'rankingEdition', RankingEdition, 'ranking edition');

/** Global ids in, plain ids out, for every id field a ranking command carries. */
export const plainRankingIds = (raw: Record<string, unknown>): Record<string, unknown> => {
  const out = { ...raw };
  const typenames: Record<string, string> = {
    rankingOrganisationId: 'RankingOrganisation',
    rankingEditionId: 'RankingEdition',
    rankingCooperationPlanId: 'RankingCooperationPlan',
    strategyIndicatorId: 'Indicator',
  };
  for (const [field, typename] of Object.entries(typenames)) if (typeof out[field] === 'string') out[field] = plainIdOf(out[field], typename);
  return out;
};

const organisationDescriptions: Record<RankingOrganisationCommandName, string> = {
  registerRankingOrganisation: 'Registers an organisation that publishes a ranking or rating: international, the Ministry’s or an independent agency’s.',
  signRankingAgreement: 'Records a cooperation agreement with a ranking organisation, signed by the director, with its term.',
  endRankingAgreement: 'Records that an agreement ended before its term, and why.',
};

for (const name of Object.keys(rankingOrganisationCommands) as RankingOrganisationCommandName[]) {
  commandMutation({
    name,
    description: organisationDescriptions[name],
    schema: rankingOrganisationCommands[name],
    payload: OrganisationPayload,
    acceptsExpectedRevision: name !== 'registerRankingOrganisation',
    prepare: plainRankingIds,
    run: (call) =>
      runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: rankingOrganisationDecider,
        category: rankingOrganisationCategory,
        entity: 'ranking organisation',
        idField: 'rankingOrganisationId',
        creates: name === 'registerRankingOrganisation',
        stamp: (id) => call.context.hub.rankings.organisationsByIds([id])[0],
      }),
  });
}

const editionDescriptions: Record<RankingEditionCommandName, string> = {
  announceRankingEdition:
    'Announces an edition of a ranking for a year: its data-collection window, publication date and indicator dictionary. Creates the edition.',
  recordRankingDataValue: 'Records (or corrects) the value of one indicator for the submission, with breakdowns, evidence and the unit that supplied it.',
  verifyRankingDataValue: 'Records that the division checked a recorded value and found it right.',
  returnRankingDataValue: 'Returns a value to its unit for correction, with the reason.',
  approveRankingSubmission: 'The director approves the data set, once every submitted indicator is verified, before it is sent.',
  submitRankingData: 'Records that the approved data set was sent to the ranking organisation.',
  acknowledgeRankingSubmission: 'Records that the ranking organisation acknowledged the data set.',
  recordRankingResult: 'Records the published result: the rank or band, the score and the per-indicator scores.',
  correctRankingResult:
    'Corrects a recorded result (a mistake in the record, or the ranking revised it): the whole result as it should read, and why. The first record stays in the history.',
  decideRankingImprovementMeasure:
    'Records a measure decided to improve the position, optionally aimed at a ranking indicator and serving a strategy indicator.',
};

async function runEditionCommand(name: RankingEditionCommandName, call: CommandCall<Record<string, unknown>>) {
  const { hub } = call.context;
  const run = () =>
    runEntityCommand({
      call,
      name,
      decider: rankingEditionDecider,
      category: rankingEditionCategory,
      entity: 'ranking edition',
      idField: 'rankingEditionId',
      creates: name === 'announceRankingEdition',
      stamp: (id) => hub.rankings.editionsByIds([id])[0],
    });
  if (name === 'recordRankingDataValue') checkCitedDataRequest(hub, call.input);
  if (name === 'decideRankingImprovementMeasure' && typeof call.input.strategyIndicatorId === 'string') {
    const indicatorId = call.input.strategyIndicatorId;
    if (!hub.indicators.byIds([indicatorId])[0]) throw new NotFoundError('strategy indicator', indicatorId);
  }
  if (name !== 'announceRankingEdition') return run();
  const organisationId = String(call.input.rankingOrganisationId);
  // Keyed by organisation: the check reads that organisation's editions only.
  return gateOf(hub.store).run(`ranking-editions:${organisationId}`, async () => {
    if (!hub.rankings.organisationsByIds([organisationId])[0]) throw new NotFoundError('ranking organisation', organisationId);
    const year = Number(call.input.year);
    const existing = hub.rankings.editionOfYear(organisationId, year);
    // A retry of the announcement that made it is answered as a replay by the pipeline, not refused here.
    if (existing && existing.id !== rankingEditionIdFor(call.commandId))
      throw new DomainRuleError('RANKING_EDITION_YEAR_TAKEN', `year: the organisation already has an edition for ${year} (${existing.title})`);
    return run();
  });
}

const rankingEditionIdFor = (commandId: string) => entityIdFor(rankingEditionCategory, commandId);

for (const name of Object.keys(rankingEditionCommands) as RankingEditionCommandName[]) {
  commandMutation({
    name,
    description: editionDescriptions[name],
    schema: rankingEditionCommands[name],
    payload: EditionPayload,
    acceptsExpectedRevision: name !== 'announceRankingEdition',
    prepare: plainRankingIds,
    run: (call) => runEditionCommand(name, call as CommandCall<Record<string, unknown>>),
  });
}
