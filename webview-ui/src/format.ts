/**
 * The panel's number and text formatting: the core's one formatting module (src/core/exporters/format.ts), so the
 * panel, the terminal, the Markdown and the saved page print 0.995 the same way. This file only keeps the names
 * the panel's sections import; it holds no rule of its own.
 */
export { fileName, formatAuc, formatAucRange, formatCount, formatDecimal, formatScore, formatShare, formatValue, plural, truncate } from '../../src/core/present';
