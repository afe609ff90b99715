/**
 * Expected failures, each with a message safe to show the person who caused it. Anything else is
 * unexpected: logged in full and shown as a generic message.
 */
export class NotFoundError extends Error {
  constructor(message = "We could not find that page.") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** Deliberately says no more than "not allowed": it must not reveal whether the thing exists. */
export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The thing changed since the person loaded it (another tab, another person). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** A rule of the product refuses the request (for example, the cycle has closed). */
export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuleError";
  }
}
