import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { guessDelimiter } from '../core/dataset/csvCells';
import { encodeTextValue } from '../core/dataset/edit';
import type { WordDictionary } from '../core/host';
import { roughenText } from '../core/roughen/roughen';
import type { RoughenChange } from '../core/roughen/types';
import type { FileAnalysis, ScoredRow } from './fileState';
import { literalRange } from './positions';

export interface RowEdit {
  readonly edit: TextEdit;
  readonly changes: readonly RoughenChange[];
}

/**
 * The edit that roughens one row: only the text value's literal is replaced, written as the format writes a
 * value (JSON string escapes, CSV quoting), so labels and other fields stay byte-identical. Undefined when
 * roughening changes nothing or the file has no noise profile.
 */
export function roughenRowEdit(file: FileAnalysis, scored: ScoredRow, document: TextDocument, dictionary: WordDictionary, seed: number): RowEdit | undefined {
  if (!file.profile) return undefined;
  const { row } = scored;
  const result = roughenText(row.text, file.profile, {
    seed,
    dictionary,
    ...(file.flaggedProfile ? { dataset: file.flaggedProfile } : {}),
    ...(row.label !== undefined ? { label: row.label } : {}),
  });
  if (result.text === row.text) return undefined;
  const range = literalRange(row, document);
  const original = document.getText(range);
  const format = file.data.format;
  const delimiter = format === 'csv' ? guessDelimiter(firstContentLine(document)) : undefined;
  return { edit: { range, newText: encodeTextValue(result.text, format, original, delimiter) }, changes: result.changes };
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  'lowercase-first': 'lower-case',
  'lowercase-all': 'lower-case',
  'drop-terminal': 'drop final punctuation',
  'drop-commas': 'drop commas',
  'drop-punctuation': 'drop punctuation',
  'stock-phrase': 'plain wording',
  'drop-politeness': 'drop politeness',
  contract: 'contractions',
  'drop-apostrophe': 'drop apostrophes',
  slang: 'slang',
  'repeat-punctuation': 'repeat punctuation',
};

/** `lower-case, drop final punctuation, 1 typo`: what roughening did, in the order it did it. */
export function describeChanges(changes: readonly RoughenChange[]): string {
  const names: string[] = [];
  let typos = 0;
  for (const change of changes) {
    if (change.kind === 'typo') {
      typos++;
      continue;
    }
    const name = KIND_NAMES[change.kind] ?? change.kind.replaceAll('-', ' ');
    if (!names.includes(name)) names.push(name);
  }
  if (typos > 0) names.push(`${typos} typo${typos === 1 ? '' : 's'}`);
  return names.join(', ');
}

function firstContentLine(document: TextDocument): string {
  for (let line = 0; line < Math.min(document.lineCount, 64); line++) {
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/^\ufeff/, '').replace(/\r?\n$/, '');
    if (text.trim() !== '') return text;
  }
  return '';
}
