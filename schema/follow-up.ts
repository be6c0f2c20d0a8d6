// Follow-ups the hub sends itself go through the command registry like any mutation: authorised
// as the system actor, validated, decided and appended by the module's own runner. The runner sees
// a hub whose commands carry the follow-up's cause and the clock's "now", so `history` shows why
// it ran and the decider decides at the moment the clock says.
import type { SendFollowUp } from '../src/automation/follow-up.ts';
import { systemActor } from '../src/automation/follow-up.ts';
import type { Hub } from '../src/hub.ts';
import { commandRegistry } from './command.ts';
import './index.ts';
import { registeredCategories, streamKindOfCategory } from './streams.ts';

export function followUpSender(hub: Hub): SendFollowUp {
  return async ({ followUp, commandId, correlationId, causationId, now }) => {
    const stamped: Hub = { ...hub, execute: (request) => hub.execute({ ...request, causationId, now }) };
    await commandRegistry.dispatch(
      { name: followUp.command, input: followUp.input, actor: systemActor, commandId },
      { actor: systemActor, correlationId, language: 'en', hub: stamped },
    );
  };
}

/** Stream categories a webhook may carry: every registered kind without personal data. */
export const deliverableCategories = (): string[] => registeredCategories().filter((category) => !streamKindOfCategory(category)!.personal);

/** What the hub's automation needs from the schema side: the command path and the readable categories. */
export const automationParts = (hub: Hub) => ({ send: followUpSender(hub), deliverableCategories });
