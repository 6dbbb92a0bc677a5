import type { Options } from 'csv-stringify/sync';

/**
 * The kiosk's CSV rules, for every CSV it writes: a BOM and CRLF for spreadsheets, formulas
 * neutralised, and RFC 4180 quotes around any cell with a quote, comma or line break (a bare LF or
 * CR too: with `record_delimiter: 'windows'` alone, csv-stringify quotes only a CRLF). The
 * managers' report is written by csv-stringify with these options; the feedback export's lines
 * are built by SQLite (storage/csv-pages.ts), and a test holds them to csv-stringify's output with
 * these same options.
 */
export const CSV_RULES = {
  bom: true,
  record_delimiter: 'windows',
  escape_formulas: true,
  quote_record_delimiter: true,
} as const satisfies Options;
