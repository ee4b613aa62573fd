/**
 * The one typed error of the business layer. Routes turn it into a 4xx response with the
 * message translated from `messageKey`.
 */
export type DomainErrorCode =
  'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'unsupported' | 'rate_limited'

const statusByCode: Record<DomainErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
}

export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly messageKey: string
  readonly details: Record<string, string | number>
  /** Field the error belongs to, when a form should show it next to that field. */
  readonly field: string | undefined

  constructor(
    code: DomainErrorCode,
    messageKey: string,
    options: { details?: Record<string, string | number>; field?: string } = {},
  ) {
    super(`${code}: ${messageKey}`)
    this.name = 'DomainError'
    this.code = code
    this.messageKey = messageKey
    this.details = options.details ?? {}
    this.field = options.field
  }

  get status() {
    return statusByCode[this.code]
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}

/** Whether a database error is the violation of this unique index (drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown, indexName: string): boolean {
  for (
    let current = error;
    current && typeof current === 'object';
    current = (current as { cause?: unknown }).cause
  ) {
    const e = current as {
      code?: string
      constraint?: string
      constraint_name?: string
      message?: string
    }
    if (
      e.code === '23505' &&
      [e.constraint, e.constraint_name, e.message].some((v) => v?.includes(indexName))
    )
      return true
  }
  return false
}
