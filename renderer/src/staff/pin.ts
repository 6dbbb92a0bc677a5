/** PIN lengths, as the contract's PIN_PATTERN has them (kept here so the panel needs no schema library). */
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;
