/** Domain errors carry a stable code; one error handler maps them to HTTP. Business code never throws HTTP errors. */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    public code: string,
    message: string,
    public details?: { fields?: FieldErrors; [k: string]: unknown },
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fields?: FieldErrors, extra?: Record<string, unknown>) {
    super('validation_failed', message, { fields, ...extra });
  }
}
export class NotFoundError extends DomainError {
  constructor(message = 'Data tidak ditemukan') {
    super('not_found', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'Anda tidak berhak melakukan tindakan ini') {
    super('forbidden', message);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Silakan masuk terlebih dahulu') {
    super('unauthenticated', message);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, fields?: FieldErrors) {
    super('conflict', message, { fields });
  }
}
/**
 * Stored data that no longer reads as its schema (e.g. a KAK document edited outside Simpul).
 * Answered as 500 with this clear message: the caller cannot fix it, the row must be repaired.
 */
export class CorruptDataError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('corrupt_data', message, details);
  }
}
/** The row's status does not allow the action (e.g. editing an approved KAK): 409, saying what to do. */
export class StateError extends DomainError {
  constructor(message: string, extra?: Record<string, unknown>) {
    super('invalid_state', message, extra);
  }
}
/** The client saved on top of a version that is no longer current: 409 with the current version. */
export class StaleVersionError extends DomainError {
  constructor(message: string, currentVersion: number) {
    super('conflict', message, { currentVersion, fields: { version: 'Versi data sudah usang' } });
  }
}
export class RateLimitedError extends DomainError {
  constructor(message = 'Terlalu banyak percobaan. Coba lagi beberapa menit lagi.') {
    super('rate_limited', message);
  }
}

export const httpStatusOf: Record<string, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  corrupt_data: 500,
};
