import Papa from 'papaparse';

const GUESSABLE_DELIMITERS = [',', '\t', ';', '|'];

/**
 * The delimiter papaparse guesses for a CSV header line, among comma, tab, semicolon and bar; a comma
 * when the line has a single column.
 *
 * @example guessDelimiter('text;label') // ';'
 */
export function guessDelimiter(headerLine: string): string {
  const result = Papa.parse<string[]>(headerLine, { preview: 1, newline: '\n', delimitersToGuess: GUESSABLE_DELIMITERS });
  const delimiter = result.meta.delimiter;
  return GUESSABLE_DELIMITERS.includes(delimiter) ? delimiter : ',';
}

/**
 * The cell values of complete records, as papaparse reads them, one array per record; undefined for a
 * record papaparse reports an error on. One papaparse call per batch, since a call costs more than the
 * parsing of a short record; a batch with any error is parsed again record by record. Header mode is
 * never used (it renames duplicate columns and prints a warning to the console).
 */
export function parseRecordCells(recordTexts: readonly string[], delimiter: string): (string[] | undefined)[] {
  if (recordTexts.length === 0) return [];
  const rows = parse(recordTexts.join('\n'), delimiter);
  if (rows?.length === recordTexts.length) return rows;
  return recordTexts.map((text) => parse(text, delimiter)?.[0]);
}

function parse(text: string, delimiter: string): string[][] | undefined {
  // The final line break keeps papaparse from calling spaces after a closing quote at the very end of
  // its input a quote error; it then reads one empty row more.
  const result = Papa.parse<string[]>(`${text}\n`, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  return result.errors.length > 0 ? undefined : result.data.slice(0, -1);
}
