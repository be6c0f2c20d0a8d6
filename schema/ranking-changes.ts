// Changes to ranking editions as they happen: a division dashboard follows a submission (values
// recorded, verified, returned; approval, sending, acknowledgement) and the result without polling.
import type { RankingEditionRow } from '../projections/rankings.ts';
import { rankingsProjection } from '../projections/rankings.ts';
import { rankingEditionCategory } from '../src/domain/ranking-editions.ts';
import { builder } from './builder.ts';
import { changesOf, entityOfCategory, endOfChange, type Change } from './changes.ts';
import { plainIdOf } from './ids.ts';
import { RankingEdition } from './rankings.ts';

const RankingEditionChange = builder.objectRef<Change<RankingEditionRow>>('RankingEditionChange').implement({
  description: 'A ranking edition changed: the event that changed it and the edition once the change was in.',
  fields: (t) => ({
    rankingEdition: t.field({ type: RankingEdition, description: 'The edition after the change.', resolve: (c) => c.row }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it, e.g. RankingDataValueVerified.' }),
    revision: t.int({ description: 'Revision of the edition’s stream after the change.', resolve: (c) => Number(c.revision) }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

builder.subscriptionField('rankingEditionChanged', (t) =>
  t.field({
    type: RankingEditionChange,
    description: 'Each change to a ranking edition once the rankings read model includes it; pass id to follow one edition.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: false, description: 'Only this edition (global id or plain rankingEditionId).' }) },
    subscribe: (_root, args, context) => {
      const only = args.id ? plainIdOf(String(args.id), 'RankingEdition') : undefined;
      const { rankings } = context.hub;
      const selection = {
        key: 'rankingEdition',
        projection: rankingsProjection.name,
        entityOf: entityOfCategory(rankingEditionCategory),
        read: (id: string) => rankings.editionsByIds([id])[0],
      };
      return changesOf(context.hub, selection, (id) => only === undefined || id === only);
    },
    resolve: endOfChange,
  }),
);
