/** The error half of the API contract: every transport reports failures in this one shape. */

/** `unauthorized`: who is calling is unknown (no token, no session); `forbidden`: known, but not allowed. */
export const API_ERROR_CODES = ['invalid_input', 'unauthorized', 'forbidden', 'not_found', 'unavailable', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  /** Plain words for the log and for staff; the patient UI shows its own calm sentence instead. */
  message: string;
  /** The field at fault, for `invalid_input`. */
  field?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return this.field === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, field: this.field };
  }
}

/** A failed result, in the one shape every transport reports. */
export function apiFailure(code: ApiErrorCode, message: string, field?: string): { ok: false; error: ApiErrorBody } {
  return { ok: false, error: new ApiError(code, message, field).toBody() };
}

/** The answer to any unexpected failure: the detail goes to the log, never to the caller. */
export const INTERNAL_FAILURE = apiFailure('internal', 'the kiosk could not complete this request');

/** HTTP status for each code, used by the browser shell's transport. */
export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unavailable: 503,
  internal: 500,
};
