// The errors a client can receive as typed results. Everything the product means to tell a caller
// extends DomainError; anything else is an unexpected fault and is masked at the GraphQL edge, so
// no stack trace, SQL or driver message ever reaches a client.

export class DomainError extends Error {}

/**
 * Which kind of rule a field broke, as zod reports it, with the bounds it names: what lets the hub
 * say the same rule in Kyrgyz and Russian (src/i18n/validation.ts) while `message` keeps the English.
 */
export type IssueRule = {
  kind: string;
  origin?: string;
  minimum?: number | string;
  maximum?: number | string;
  inclusive?: boolean;
  format?: string;
  values?: string[];
  expected?: string;
  divisor?: number;
  keys?: string[];
};

export type FieldIssue = { path: string[]; message: string; rule?: IssueRule };

/** Input broke a rule; `issues` name each offending field and the rule it broke. */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  }
}

/** The entity the command or query names does not exist. */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/** Someone else changed the entity first; re-read and decide again. */
export class ConcurrencyError extends DomainError {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly stream: string,
    readonly expectedRevision: string,
    readonly actualRevision: string | null,
  ) {
    super(`expected revision ${expectedRevision} of ${stream} but it is at ${actualRevision ?? 'no revision (it does not exist)'}`);
  }
}

/** A rule of the regulation refuses the command; `code` is stable for clients to branch on. */
export class DomainRuleError extends DomainError {
  override readonly name = 'DomainRuleError';
  /**
   * `message` is the English sentence with the facts of the case; the Kyrgyz and Russian sentences
   * come from src/i18n by `code`, filled with `params` where the catalogue's sentence names them.
   */
  constructor(
    readonly code: string,
    message: string,
    readonly params: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * The caller is not signed in, or may not do this. `code` says which rule refused (SIGN_IN_REQUIRED,
 * ROLE_REQUIRED, NOT_OWN_UNIT, …; FORBIDDEN when nothing more specific applies) and picks the
 * sentence in the caller's language; `roles` names the roles that may, and those the caller has.
 */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  constructor(
    message: string,
    readonly code: string = 'FORBIDDEN',
    readonly roles?: { allowed: readonly string[]; held: readonly string[] },
  ) {
    super(message);
  }
}

/** The event store could not be reached; nothing was stored and the command may be sent again. */
export class UnavailableError extends DomainError {
  override readonly name = 'UnavailableError';
  constructor(message = 'the event store cannot be reached right now; nothing was stored, send the command again') {
    super(message);
  }
}

/**
 * The command was stored, but the read model did not catch up within the wait the hub allows.
 * The caller knows the command succeeded (revision and position) and can query again shortly.
 */
export class ReadModelLagError extends DomainError {
  override readonly name = 'ReadModelLagError';
  constructor(
    readonly position: string,
    readonly revision: string,
    waitedMs: number,
  ) {
    super(`the command was stored at position ${position}, but the read model did not reach it in the ${waitedMs} ms waited; query again shortly`);
  }
}

/**
 * The command WAS stored, but a read model it changes has stopped on an event it cannot fold and
 * will not include the command until an operator repairs it (docs/operations.md). Sending the
 * command again changes nothing; waiting does not help either.
 */
export class ReadModelStoppedError extends DomainError {
  override readonly name = 'ReadModelStoppedError';
  constructor(
    readonly position: string,
    readonly revision: string,
    readonly readModels: string[],
  ) {
    super(
      `the command was stored at position ${position}, but the read model ${readModels.join(', ')} has stopped and will not show it until an operator repairs it; do not send the command again`,
    );
  }
}
