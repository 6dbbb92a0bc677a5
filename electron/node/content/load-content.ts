/**
 * Loads a content pack from YAML and validates it against the one content schema.
 * A broken pack is reported with its file and the field at fault; the caller decides whether
 * to fall back to the bundled pack.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { ContentPackSchema, type ContentPack } from '../../common/content/schema.js';
import { describeFieldError, firstFieldError } from '../../common/validation.js';

export class ContentError extends Error {
  constructor(
    readonly file: string,
    /** Dot path of the field at fault (`sections.1.title`), or `line 12` for a YAML syntax error. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${describeFieldError({ field, message: reason })}`);
    this.name = 'ContentError';
  }
}

export type ContentLoadResult = { ok: true; pack: ContentPack } | { ok: false; error: ContentError };

export function loadContentPack(file: string): ContentLoadResult {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, error: new ContentError(file, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`) };
  }
  return parseContentPack(file, source);
}

export function parseContentPack(file: string, source: string): ContentLoadResult {
  const document = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const line = syntaxError.linePos?.[0];
    return { ok: false, error: new ContentError(file, line ? `line ${line.line}` : '', syntaxError.message.split('\n')[0]!) };
  }
  const parsed = v.safeParse(ContentPackSchema, document.toJS());
  if (!parsed.success) {
    const fieldError = firstFieldError(parsed.issues);
    return { ok: false, error: new ContentError(file, fieldError.field, fieldError.message) };
  }
  return { ok: true, pack: parsed.output };
}

/** Puts the configured clinic name where the pack says `{clinic}`, literally (a `$&` in it is just text). */
export function personalisePack(pack: ContentPack, clinicName: string): ContentPack {
  return JSON.parse(JSON.stringify(pack), (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('{clinic}', () => clinicName) : value,
  ) as ContentPack;
}
