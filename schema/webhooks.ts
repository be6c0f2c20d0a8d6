// Webhooks in GraphQL: registration and changes as mutations (the secret shown once, in the
// registration's answer), the registered webhooks with where their deliveries stand, and each
// webhook's delivery log (attempts, status, last error).
import { GraphQLError } from 'graphql';
import type { WebhookRow } from '../projections/webhooks.ts';
import { webhookUrlRefusal } from '../src/automation/webhook-url.ts';
import { entityIdFor } from '../src/commands/ids.ts';
import type { Role } from '../src/domain/decider.ts';
import { ValidationError } from '../src/domain/errors.ts';
import { webhookCategory, webhookCommands, webhookDecider, webhookStatus, webhookStatusLabels, type WebhookCommandName } from '../src/domain/webhooks.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { languageArg } from './language.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, decodeCursor, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { enumFor } from './zod-types.ts';
import { z } from 'zod';

const webhookReaders: Role[] = ['director', 'acting_director', 'integration'];
const seesEveryWebhook = (context: GraphQLContext) => context.actor?.roles.some((r) => r === 'director' || r === 'acting_director') ?? false;
/** An integration sees only the webhooks it registered. */
const visible = (context: GraphQLContext, row: WebhookRow | undefined): row is WebhookRow =>
  row !== undefined && (seesEveryWebhook(context) || row.owner_id === context.actor?.id);

const WebhookStatusEnum = enumFor(webhookStatus);

type DeliveryRow = {
  id: number;
  round: number;
  position: string;
  event_id: string;
  event_type: string;
  status: 'retrying' | 'delivered';
  attempts: number;
  response_status: number | null;
  last_error: string | null;
  first_attempt_at: string;
  last_attempt_at: string;
  next_attempt_at: string | null;
  delivered_at: string | null;
};
const deliveryStatusLabels = {
  retrying: { ky: 'Кайра жөнөтүлөт', ru: 'Повторная отправка', en: 'Retrying' },
  delivered: { ky: 'Жеткирилди', ru: 'Доставлено', en: 'Delivered' },
};
const DeliveryStatusEnum = enumFor(
  z.enum(['retrying', 'delivered']).meta({ id: 'WebhookDeliveryStatus', description: 'Where one delivery stands.', labels: deliveryStatusLabels }),
);

const WebhookDelivery = builder.objectRef<DeliveryRow>('WebhookDelivery').implement({
  description: 'One event posted (or being posted) to a webhook: its attempts and how the receiver answered.',
  fields: (t) => ({
    position: t.exposeString('position', { description: 'Position of the event in the log: the Idempotency-Key header the receiver got.' }),
    eventId: t.exposeString('event_id', { description: 'Id of the event.' }),
    eventType: t.exposeString('event_type', { description: 'Type of the event, e.g. LicenseGranted.' }),
    replay: t.exposeInt('round', { description: '0 for the first pass over the log, n for the n-th replay asked for.' }),
    status: t.field({ type: DeliveryStatusEnum, description: 'Delivered, or still being retried.', resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far.' }),
    lastStatusCode: t.exposeInt('response_status', {
      nullable: true,
      description: 'HTTP status of the last answer; null when the receiver could not be reached.',
    }),
    lastError: t.exposeString('last_error', { nullable: true, description: 'Why the last failed attempt failed.' }),
    firstAttemptAt: t.field({ type: 'DateTime', description: 'When the first attempt started.', resolve: (d) => d.first_attempt_at }),
    lastAttemptAt: t.field({ type: 'DateTime', description: 'When the last attempt was made.', resolve: (d) => d.last_attempt_at }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next attempt is due, while retrying.',
      resolve: (d) => d.next_attempt_at,
    }),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, description: 'When the receiver took it.', resolve: (d) => d.delivered_at }),
  }),
});

const Webhook = builder.loadableNode('Webhook', {
  description: 'A URL the hub posts matching events to, in log order, each at least once, signed with the webhook’s secret.',
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.webhooks.byIds(ids).map((row) => (visible(context, row) ? row : null)) as WebhookRow[],
  fields: (t) => ({
    webhookId: t.exposeString('id', { description: 'The plain id of the webhook (the global `id` wraps it).' }),
    url: t.exposeString('url', { description: 'Where events are posted.' }),
    categories: t.stringList({
      description: 'Stream categories delivered; empty for every category an integration may read.',
      resolve: (r) => JSON.parse(r.categories) as string[],
    }),
    eventTypes: t.stringList({ description: 'Event types delivered; empty for every type.', resolve: (r) => JSON.parse(r.event_types) as string[] }),
    description: t.exposeString('description', { nullable: true, description: 'What the integration is.' }),
    status: t.field({ type: WebhookStatusEnum, description: 'Active or paused.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => webhookStatusLabels[r.status][args.language ?? context.language],
    }),
    ownerId: t.exposeString('owner_id', { description: 'Id of the caller who registered it.' }),
    registeredAt: t.field({ type: 'DateTime', description: 'When it was registered.', resolve: (r) => r.registered_at }),
    deliveredThrough: t.string({
      nullable: true,
      description: 'Position of the last event delivered (or passed over as not matching); deliveries continue after it.',
      resolve: (r, _args, context) =>
        context.hub.automation.prepare<[string], { position: string | null }>('SELECT position FROM webhook_cursors WHERE webhook_id = ?').get(r.id)
          ?.position ?? r.registered_position,
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the webhook stream; pass it as expectedRevision.' }),
    deliveries: t.connection(
      {
        type: WebhookDelivery,
        description: 'The delivery log, newest first.',
        complexity: pageComplexity,
        resolve: (row, args, context) => {
          const request = pageRequest({ first: args.first ?? null, after: args.after ?? null }, 'newest');
          const before = args.after ? Number(decodeCursor('after', args.after, 'newest')[1]) : Number.MAX_SAFE_INTEGER;
          const rows = context.hub.automation
            .prepare<[string, number, number], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND id < ? ORDER BY id DESC LIMIT ?')
            .all(row.id, before, request.limit + 1);
          return connectionOf(rows.slice(0, request.limit), rows.length > request.limit, request, (d) => encodeCursor('newest', [d.id, String(d.id)]));
        },
      },
      { name: 'WebhookDeliveryConnection', description: 'A page of a webhook’s delivery log.' },
      { name: 'WebhookDeliveryEdge', description: 'A delivery, with its cursor.' },
    ),
  }),
});

builder.queryField('webhooks', (t) =>
  t.field({
    type: [Webhook],
    description: 'The registered webhooks, oldest first: all of them for the director, an integration’s own for an integration.',
    authScopes: { anyRole: webhookReaders },
    resolve: (_root, _args, context) => context.hub.webhooks.all().filter((row) => visible(context, row)),
  }),
);

type PayloadShape = { id: string; secret: string | null; revision: bigint; position: string; replayed: boolean };
const WebhookPayload = builder.objectRef<PayloadShape>('WebhookPayload').implement({
  description: 'The webhook after the command, with where the command landed in the log.',
  fields: (t) => ({
    webhook: t.field({ type: Webhook, description: 'The webhook as it is now, including this command.', resolve: (p) => p.id }),
    secret: t.exposeString('secret', {
      nullable: true,
      description:
        'The signing secret, in the answer to registerWebhook only: keep it, the hub shows it nowhere else. Check each delivery’s Sapat-Signature header (sha256=HMAC-SHA256 of the body, hex) with it.',
    }),
    revision: t.int({ description: 'Revision of the webhook stream after the command.', resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const descriptions: Record<WebhookCommandName, string> = {
  registerWebhook: 'Registers a URL to receive matching events from now on (each at least once, in log order, signed). Answers with the signing secret, once.',
  changeWebhook: 'Changes a webhook’s URL or filter; deliveries go on from where they stand.',
  pauseWebhook: 'Stops deliveries to a webhook; nothing is skipped, they continue from the same place on resume.',
  resumeWebhook: 'Resumes deliveries to a paused webhook, from where they stopped.',
  replayWebhook: 'Delivers again every matching event after a position of the log (0: from the beginning), then goes on live.',
};

function refuseUrl(context: GraphQLContext, url: unknown): void {
  if (typeof url !== 'string') return;
  const refusal = webhookUrlRefusal(url, { production: context.hub.config.env === 'production', allowPrivate: context.hub.config.webhooks.allowPrivate });
  if (refusal) throw new ValidationError([{ path: ['url'], message: refusal }]);
}

async function runWebhookCommand(name: WebhookCommandName, call: CommandCall<Record<string, unknown>>): Promise<PayloadShape> {
  const { context } = call;
  refuseUrl(context, call.input.url);
  const registers = name === 'registerWebhook';
  const webhookId = registers ? entityIdFor(webhookCategory, call.commandId) : String(call.input.webhookId);
  const outcome = await context.hub.execute({
    decider: webhookDecider,
    stream: `${webhookCategory}-${webhookId}`,
    command: { ...call.input, type: name, webhookId } as never,
    target: { kind: registers ? 'new' : 'existing', entity: 'webhook', id: webhookId },
    actor: call.actor,
    commandId: call.commandId,
    correlationId: context.correlationId,
    ...(call.expectedRevision !== undefined ? { expectedRevision: call.expectedRevision } : {}),
    now: new Date().toISOString(),
  });
  const [row] = context.hub.webhooks.byIds([webhookId]);
  if (!row) throw new GraphQLError('the webhook read model has no row for a stored webhook');
  return {
    id: webhookId,
    secret: registers ? context.hub.webhookSecrets(webhookId) : null,
    revision: outcome.revision ?? BigInt(row.revision),
    position: outcome.position ? encodePosition(outcome.position) : row.position,
    replayed: outcome.replayed,
  };
}

for (const name of Object.keys(webhookCommands) as WebhookCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: webhookCommands[name],
    payload: WebhookPayload,
    acceptsExpectedRevision: name !== 'registerWebhook',
    prepare: (raw) => (typeof raw.webhookId === 'string' ? { ...raw, webhookId: plainIdOf(raw.webhookId, 'Webhook') } : raw),
    run: (call) => runWebhookCommand(name, call as CommandCall<Record<string, unknown>>),
  });
}
