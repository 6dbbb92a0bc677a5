/** Turns valibot issues into one readable line that names the field at fault. */
import * as v from 'valibot';

export interface FieldError {
  /** Dot path of the field at fault, e.g. `sections.2.title`; empty for the whole value. */
  field: string;
  message: string;
}

export function firstFieldError(issues: readonly v.BaseIssue<unknown>[]): FieldError {
  const issue = issues[0]!;
  return { field: v.getDotPath(issue) ?? '', message: issue.message };
}

export function describeFieldError({ field, message }: FieldError): string {
  return field ? `${field}: ${message}` : message;
}
