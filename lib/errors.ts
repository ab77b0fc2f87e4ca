/**
 * Expected domain errors: the only errors whose message reaches a user. Anything else is
 * logged and answered with a generic message (see lib/action.ts and lib/http/respond.ts).
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly status = 400,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class NotFoundError extends DomainError {
  constructor(what = "Not found") {
    super(what, {}, 404);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super(message, {}, 403);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "Please sign in.") {
    super(message, {}, 401);
    this.name = "UnauthenticatedError";
  }
}

/** Someone else saved first; carries the current state so the loser can see what changed. */
export class ConflictError<T = unknown> extends DomainError {
  constructor(
    message: string,
    readonly current: T,
  ) {
    super(message, {}, 409);
    this.name = "ConflictError";
  }
}

/** Prisma's unique-constraint violation (P2002), recognised without importing Prisma. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
