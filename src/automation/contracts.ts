// What a module tells the hub's automation about itself, as pure functions of its own events: which
// dates fall due (the deadlines read model gathers them), at which moments the clock must act, and
// which follow-up commands an event calls for. Modules only declare; src/automation runs them, so no
// module writes its own loop, timer or checkpoint.
import type { RecordedEvent } from '../eventstore/types.ts';

/** A command to send through the ordinary pipeline: its mutation name and its input (plain ids). */
export type FollowUpCommand = { command: string; input: Record<string, unknown> };

/**
 * How one event changes the list of what is due. `key` is unique across the hub and stable for the
 * same obligation (e.g. `license:<id>:validity`), so a later event can meet or drop it.
 */
export type DueDateChange =
  | {
      action: 'due';
      key: string;
      /** What kind of obligation, e.g. `license_validity`, `accreditation_visit`. */
      kind: string;
      title: string;
      /** Whole-day date (YYYY-MM-DD), read in Kyrgyzstan time (UTC+6). */
      dueOn: string;
      /** GraphQL type of the entity it concerns, for its global id. */
      entityType: string;
      entityId: string;
      unit?: string;
      assignee?: string;
    }
  | { action: 'done'; key: string; on: string }
  | { action: 'dropped'; key: string }
  /**
   * Whom an entity's obligations concern, when an event before its first due date says so (a
   * licence's faculty is named at application); a `due` without unit or assignee takes these.
   */
  | { action: 'concerns'; entityType: string; entityId: string; unit?: string; assignee?: string };

export type DueDateSource = {
  module: string;
  eventTypes: readonly string[];
  changes(event: RecordedEvent): DueDateChange[];
  /** The kinds this source declares, in Kyrgyz, Russian and English (the deadlines list shows them). */
  kindLabels?: Record<string, Record<'ky' | 'ru' | 'en', string>>;
};

/** Moments at which the clock sends a command; a later event can move (same key) or cancel them. */
export type ClockChange = { action: 'at'; key: string; at: string; followUp: FollowUpCommand } | { action: 'cancel'; key: string };

export type ClockRule = { name: string; eventTypes: readonly string[]; changes(event: RecordedEvent): ClockChange[] };

/** Answers chosen events with commands; its name and the event's id make the follow-up's commandId. */
export type Reactor = { name: string; eventTypes: readonly string[]; react(event: RecordedEvent): FollowUpCommand[] };
