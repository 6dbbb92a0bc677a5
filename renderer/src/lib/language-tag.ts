/** A language tag's base language, lower-cased: "es-MX" and "es_mx" → "es". */
export const baseLanguage = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0]!;
