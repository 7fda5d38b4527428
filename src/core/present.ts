/**
 * The core's presentation entry: what the editor client (src/extension) and the report panel (webview-ui, a
 * browser bundle) may use of core. It is the one formatting module and the saved report page, pure string work
 * that reads no file and runs no analysis, so these two bundles carry none of the analysis. Everything else
 * outside src/core imports `src/core/index.ts`, which exports these too. The lint rules in eslint.config.mjs hold
 * both entries to their callers.
 */
export {
  NOT_AVAILABLE,
  escapeHtml,
  escapeMarkdown,
  excerpt,
  fileName,
  formatAuc,
  formatAucRange,
  formatCount,
  formatDecimal,
  formatScore,
  formatShare,
  formatSigned,
  formatValue,
  oneLine,
  plural,
  truncate,
} from './exporters/format';
export { STATIC_DATA_ELEMENT_ID, checkNonce, pageHead, savedReportPage, type SavedDatasetSource } from './exporters/staticPage';
