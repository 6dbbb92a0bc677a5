/**
 * Stored JSON read back through its schema. A value another version wrote, or one damaged, must
 * not crash the kiosk or pass for something it is not: it counts as absent, and the log says which
 * key and which fields failed (never the value: it may be a PIN hash or a token).
 */
import * as v from 'valibot';

export function readStored<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  logger: { warn(details: object, message: string): void },
  key: string,
): v.InferOutput<S> | undefined {
  if (value === undefined) return undefined;
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const fields = result.issues.map((issue) => `${v.getDotPath(issue) ?? '(value)'}: expected ${issue.expected ?? 'something else'}`);
  logger.warn({ event: 'stored-value-invalid', key, fields }, 'a stored value is not valid; it is ignored');
  return undefined;
}
