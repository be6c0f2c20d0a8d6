// Webhooks: an integration that cannot hold a subscription open registers a URL and a filter, and
// the hub posts each matching event to it (src/automation/webhooks.ts). Registration and every
// change are commands on a `webhook-<id>` stream, so who pointed the hub where, and when, is in
// the log like any other decision. The signing secret is never in an event: it is derived from a
// key in the hub's data directory and shown to the caller once, in the registration's answer.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError, NotFoundError } from './errors.ts';
import { text, type Labels } from './values.ts';

export const webhookCategory = 'webhook';

const statuses = ['active', 'paused'] as const;
export const webhookStatusLabels: Labels<(typeof statuses)[number]> = {
  active: { ky: 'Иштеп жатат', ru: 'Активен', en: 'Active' },
  paused: { ky: 'Токтотулган', ru: 'Приостановлен', en: 'Paused' },
};
export const webhookStatus = z
  .enum(statuses)
  .meta({ id: 'WebhookStatus', description: 'Whether the hub delivers to the webhook now.', labels: webhookStatusLabels });

const url = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2000, 'must be at most 2000 characters')
  .describe('Where the hub posts events: an http(s) URL (https, public, in production).');
const categories = z
  .array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be a stream category such as license or ratingCampaign'))
  .max(50)
  .describe('Stream categories to deliver (license, ratingCampaign, ...); empty or omitted for every category an integration may read.');
const eventTypes = z
  .array(z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be an event type such as LicenseGranted'))
  .max(200)
  .describe('Event types to deliver; empty or omitted for every type.');
const webhookRef = { webhookId: z.uuid({ error: 'must be the id of a registered webhook' }).describe('The webhook (global id or plain webhookId).') };

export const webhookCommands = {
  registerWebhook: z.object({
    url,
    categories: categories.optional(),
    eventTypes: eventTypes.optional(),
    description: text(300).optional().describe('What the integration is, for whoever reads the list.'),
  }),
  changeWebhook: z
    .object({ ...webhookRef, url: url.optional(), categories: categories.optional(), eventTypes: eventTypes.optional() })
    .refine((c) => c.url !== undefined || c.categories !== undefined || c.eventTypes !== undefined, {
      path: ['url'],
      message: 'a change must give at least one of url, categories or eventTypes',
    }),
  pauseWebhook: z.object({ ...webhookRef, reason: text(500).optional().describe('Why deliveries stop.') }),
  resumeWebhook: z.object({ ...webhookRef }),
  replayWebhook: z.object({
    ...webhookRef,
    afterPosition: z
      .string()
      .regex(/^\d{1,20}(:\d{1,20})?$/, 'must be a position from the log (e.g. 42), or 0 for the beginning')
      .describe('Deliver again every matching event after this position of the log (0: from the beginning).'),
  }),
} as const;
export type WebhookCommandName = keyof typeof webhookCommands;

/** Integrations manage their own webhooks; the director and acting director manage any. */
const webhookAdmins: Role[] = ['director', 'acting_director'];
export const webhookPermissions: Record<WebhookCommandName, Role[]> = {
  registerWebhook: [...webhookAdmins, 'integration'],
  changeWebhook: [...webhookAdmins, 'integration'],
  pauseWebhook: [...webhookAdmins, 'integration'],
  resumeWebhook: [...webhookAdmins, 'integration'],
  replayWebhook: [...webhookAdmins, 'integration'],
};
const ownOnly = 'an integration only its own webhooks';
export const webhookScopes: Partial<Record<WebhookCommandName, string>> = {
  changeWebhook: ownOnly,
  pauseWebhook: ownOnly,
  resumeWebhook: ownOnly,
  replayWebhook: ownOnly,
};

export type WebhookCommand = {
  [Name in WebhookCommandName]: { type: Name; webhookId: string } & z.infer<(typeof webhookCommands)[Name]>;
}[WebhookCommandName];

export const webhookEventSchemas = {
  WebhookRegistered: z.object({
    webhookId: z.string(),
    url: z.string(),
    categories: z.array(z.string()),
    eventTypes: z.array(z.string()),
    description: z.string().optional(),
    ownerId: z.string(),
  }),
  WebhookChanged: z.object({
    webhookId: z.string(),
    url: z.string().optional(),
    categories: z.array(z.string()).optional(),
    eventTypes: z.array(z.string()).optional(),
  }),
  WebhookPaused: z.object({ webhookId: z.string(), reason: z.string().optional() }),
  WebhookResumed: z.object({ webhookId: z.string() }),
  WebhookReplayRequested: z.object({ webhookId: z.string(), afterPosition: z.string() }),
} as const;
export type WebhookEventType = keyof typeof webhookEventSchemas;
export type WebhookEvent = { [Type in WebhookEventType]: { type: Type; data: z.infer<(typeof webhookEventSchemas)[Type]> } }[WebhookEventType];
export const webhookEventTypes = Object.keys(webhookEventSchemas) as WebhookEventType[];

export type WebhookState = { exists: false } | { exists: true; status: 'active' | 'paused'; ownerId: string };

const initialState: WebhookState = { exists: false };

function evolve(state: WebhookState, event: WebhookEvent): WebhookState {
  if (event.type === 'WebhookRegistered') return { exists: true, status: 'active', ownerId: event.data.ownerId };
  if (!state.exists) return state;
  if (event.type === 'WebhookPaused') return { ...state, status: 'paused' };
  if (event.type === 'WebhookResumed') return { ...state, status: 'active' };
  return state;
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: WebhookCommand, state: WebhookState, context: CommandContext): WebhookEvent[] {
  const { webhookId } = command;
  if (command.type === 'registerWebhook') {
    if (state.exists) throw rule('WEBHOOK_ALREADY_REGISTERED', 'this webhook is already registered');
    const { url: target, categories: only = [], eventTypes: types = [], description } = command;
    return [
      {
        type: 'WebhookRegistered',
        data: { webhookId, url: target, categories: only, eventTypes: types, ...(description ? { description } : {}), ownerId: context.actor.id },
      },
    ];
  }
  if (!state.exists) throw new NotFoundError('webhook', webhookId);
  if (!context.actor.roles.some((r) => webhookAdmins.includes(r)) && context.actor.id !== state.ownerId) {
    throw rule('WEBHOOK_NOT_YOURS', 'an integration may only manage the webhooks it registered');
  }
  switch (command.type) {
    case 'changeWebhook': {
      const { type: _type, ...data } = command;
      return [{ type: 'WebhookChanged', data }];
    }
    case 'pauseWebhook': {
      if (state.status === 'paused') throw rule('WEBHOOK_ALREADY_PAUSED', 'the webhook is already paused');
      const { type: _type, ...data } = command;
      return [{ type: 'WebhookPaused', data }];
    }
    case 'resumeWebhook':
      if (state.status !== 'paused') throw rule('WEBHOOK_NOT_PAUSED', 'only a paused webhook can be resumed');
      return [{ type: 'WebhookResumed', data: { webhookId } }];
    case 'replayWebhook':
      return [{ type: 'WebhookReplayRequested', data: { webhookId, afterPosition: command.afterPosition } }];
  }
}

export const webhookDecider: Decider<WebhookCommand, WebhookEvent, WebhookState> = { initialState, evolve, decide };
