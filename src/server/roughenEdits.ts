import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { encodeTextValue, guessDelimiter, type RoughenChange } from '../core';
import type { FileAnalysis } from './fileState';
import type { RoughenedRow } from './rowsProtocol';
import { literalRange } from './positions';

/**
 * The edit that writes a roughened row back: only the text value's literal is replaced, written as the format
 * writes a value (JSON string escapes, CSV quoting), so labels and other fields stay byte-identical. The
 * rows worker roughens (fileRows.ts); undefined when the document no longer holds that literal.
 */
export function roughenRowEdit(file: FileAnalysis, roughened: RoughenedRow, document: TextDocument): TextEdit | undefined {
  const range = literalRange(roughened, document);
  const original = document.getText(range);
  if (original.length === 0) return undefined;
  const format = file.view.format;
  const delimiter = format === 'csv' ? guessDelimiter(firstContentLine(document)) : undefined;
  return { range, newText: encodeTextValue(roughened.text, format, original, delimiter) };
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
  // An answer's fix cuts; named by themselves ("stock opener") they read as if the fix added one.
  'stock-opener': 'drop stock opener',
  'assistant-boilerplate': 'drop AI boilerplate',
  'closing-offer': 'drop closing offer',
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
