// Fine-tuning files in the editor, over LSP against the built server and the built CLI: a chat file's squiggle
// sits on one turn's content (the assistant's, for LLM-styled answers), the hover names that field, the counts
// agree with `synthgap check`, "Roughen this example" on an assistant turn only cuts stock openers, closers and
// boilerplate, and an edited turn re-scores its record; an Alpaca file the same on its `output`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, Range, TextEdit } from 'vscode-languageserver/node';
import { DIAGNOSTIC_CODES, type RowDiagnosticData } from '../../src/shared/protocol';
import { LspClient } from './lspClient';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURES = join(ROOT, 'test/fixtures/finetune');

/** A string value of a JSONL line: which key (and chat role) holds it, and where its text stands inside the quotes. */
interface Literal {
  readonly key: string;
  readonly role?: string;
  /** The message's index in `messages` (chat files). */
  readonly turn?: number;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** The title of an answer's fix: what it cuts, and nothing that adds noise (no typo, casing or punctuation). */
const ANSWER_FIX = /^Roughen this example: drop (stock opener|AI boilerplate|closing offer)(, drop (stock opener|AI boilerplate|closing offer))*$/;

const STRING = '"(?:[^"\\\\]|\\\\.)*"';

/** The string values of a flat record (`{"instruction": "…", "output": "…"}`), by key. */
function recordLiterals(line: string): Literal[] {
  const found: Literal[] = [];
  for (const m of line.matchAll(new RegExp(`"(\\w+)"\\s*:\\s*(${STRING})`, 'g'))) {
    const start = (m.index ?? 0) + m[0].length - m[2].length + 1;
    found.push({ key: m[1], start, end: start + m[2].length - 2, value: JSON.parse(m[2]) as string });
  }
  return found;
}

/** ShareGPT's speakers by the roles Synthgap names them with. */
const SHAREGPT_ROLES: Readonly<Record<string, string>> = { human: 'user', gpt: 'assistant', system: 'system' };

/** The turns of a chat line (OpenAI `role`/`content`, ShareGPT `from`/`value`), with their role and turn. */
function turnLiterals(line: string): Literal[] {
  const found: Literal[] = [];
  let turn = 0;
  for (const m of line.matchAll(new RegExp(`\\{\\s*"(role|from)"\\s*:\\s*"(\\w+)"\\s*,\\s*"(content|value)"\\s*:\\s*(${STRING})`, 'g'))) {
    const start = (m.index ?? 0) + m[0].length - m[4].length + 1;
    const role = m[1] === 'from' ? SHAREGPT_ROLES[m[2]] ?? m[2] : m[2];
    found.push({ key: m[3], role, turn: turn++, start, end: start + m[4].length - 2, value: JSON.parse(m[4]) as string });
  }
  return found;
}

/** The literal a range lies inside (on one line, within the quotes), if any. */
function literalOf(range: Range, literals: readonly Literal[]): Literal | undefined {
  if (range.start.line !== range.end.line) return undefined;
  return literals.find((l) => l.start <= range.start.character && range.end.character <= l.end);
}

/** `synthgap check` on a file of the folder, against its synthgap.json's reference: flagged rows and read errors. */
function cliCheck(folder: string, file: string): { flagged: number; errors: number } {
  const out = execFileSync(process.execPath, [CLI, 'check', file, '--format', 'json', '--embedder', 'hashed'], { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(out) as { datasets: { summary: { flagged: number }; skipped: number; errors: unknown[] }[]; reference: { skipped: number; errors: unknown[] } };
  const dataset = report.datasets[0];
  return { flagged: dataset.summary.flagged, errors: dataset.errors.length + dataset.skipped + report.reference.errors.length + report.reference.skipped };
}

function messageText(diagnostic: Diagnostic): string {
  const message: unknown = diagnostic.message;
  return typeof message === 'string' ? message : (message as { value: string }).value;
}

function hoverText(hover: Hover | null): string {
  const contents = hover?.contents;
  return typeof contents === 'object' && contents !== null && 'value' in contents ? contents.value : '';
}

/** The line a diagnostic's row starts on, 0-based, and its text in the open document. */
function lineText(client: LspClient, uri: string, line: number): string {
  return client.document(uri).getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** Applies a code action's edit to a copy of the line and returns the new line. */
function applied(action: CodeAction, uri: string, line: string, lineNumber: number): string {
  const edits = (action.edit?.changes?.[uri] ?? []) as TextEdit[];
  assert.equal(edits.length, 1, `one edit: ${JSON.stringify(action.edit)}`);
  const { range, newText } = edits[0];
  assert.equal(range.start.line, lineNumber);
  assert.equal(range.end.line, lineNumber);
  return line.slice(0, range.start.character) + newText + line.slice(range.end.character);
}

/** Whether `after` is `before` with some spans cut out (every character kept, in order). */
function onlyCuts(before: string, after: string): boolean {
  let at = 0;
  for (const ch of after) {
    at = before.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

async function flaggedDiagnostics(client: LspClient, uri: string): Promise<Diagnostic[]> {
  return (await client.diagnostics(uri)).filter((d) => d.code === DIAGNOSTIC_CODES.tooClean);
}

async function quickFixes(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

async function statusFlagged(client: LspClient, uri: string): Promise<number> {
  const status = await client.waitForStatus((s) => s.state === 'ready' && s.files.some((f) => f.uri === uri), 120_000, client.statuses.length - 1);
  return status.files.find((f) => f.uri === uri)?.flagged ?? -1;
}

async function lensFlagged(client: LspClient, uri: string): Promise<number> {
  const lenses = await client.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
  return Number(/Synthgap: ([\d,]+) of/.exec(lenses[0]?.command.title ?? '')?.[1].replaceAll(',', '') ?? NaN);
}

/**
 * A fresh workspace folder with a fixture pair (`<fixture>.real.jsonl` as the reference, the synthetic side as
 * `name`) and a synthgap.json naming the reference; the server started on it with the file open and analyzed.
 */
async function openFixture(prefix: string, fixture: string, name: string): Promise<{ folder: string; client: LspClient; uri: string }> {
  const folder = mkdtempSync(join(tmpdir(), `synthgap-${prefix}-`));
  copyFileSync(join(FIXTURES, `${fixture}.real.jsonl`), join(folder, 'real.jsonl'));
  copyFileSync(join(FIXTURES, `${fixture}.synthetic.jsonl`), join(folder, name));
  writeFileSync(join(folder, 'synthgap.json'), JSON.stringify({ reference: 'real.jsonl' }));
  const uri = pathToFileURL(join(folder, name)).href;
  const client = await LspClient.start({ folder, settings: { embedding: { model: 'hashed' } } });
  client.open(join(folder, name));
  await client.waitForStatus((s) => s.state === 'ready' && s.files.some((f) => f.uri === uri), 120_000);
  return { folder, client, uri };
}

describe('a chat file in the editor: one turn underlined, named, roughened and re-scored', () => {
  let folder: string;
  let client: LspClient;
  let uri: string;

  before(async () => {
    ({ folder, client, uri } = await openFixture('chat', 'openai-chat', 'chat.jsonl'));
  });

  after(() => client.stop());

  test('every squiggle lies inside one turn\'s content, the LLM-styled answers\' on the assistant turn, and the hover names it', async () => {
    const flagged = await flaggedDiagnostics(client, uri);
    assert.ok(flagged.length > 0, 'no flagged row');
    const roles: Record<string, number> = {};
    for (const diagnostic of flagged) {
      const line = lineText(client, uri, diagnostic.range.start.line);
      const turn = literalOf(diagnostic.range, turnLiterals(line));
      assert.ok(turn, `line ${diagnostic.range.start.line + 1}: ${JSON.stringify(diagnostic.range)} is not inside a turn's content`);
      assert.equal(turn.start, diagnostic.range.start.character, 'the whole content is underlined');
      assert.equal(turn.end, diagnostic.range.end.character, 'the whole content is underlined');
      assert.equal((diagnostic.data as RowDiagnosticData).turn, turn.turn, 'the diagnostic names the underlined turn');
      roles[turn.role ?? '?'] = (roles[turn.role ?? '?'] ?? 0) + 1;

      const hover = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: diagnostic.range.start.line, character: diagnostic.range.start.character + 1 } }));
      assert.match(hover, new RegExp(`${turn.role} field`), hover);
      assert.match(messageText(diagnostic), new RegExp(`^${turn.role} field reads `), 'Problems names the field once');
      const reasons = hover.split('\n').filter((l) => l.startsWith('- '));
      assert.ok(reasons.length > 0, hover);
      for (const reason of reasons) assert.ok(reason.startsWith(`- ${turn.role}:`), `a reason about another field than the underlined ${turn.role}: ${reason}`);
    }
    console.error(`chat: ${flagged.length} squiggles by role ${JSON.stringify(roles)}`);
    assert.ok((roles.assistant ?? 0) > flagged.length / 2, `most squiggles are on assistant turns: ${JSON.stringify(roles)}`);
  });

  test('the status bar, the CodeLens and the Problems count what `synthgap check` flags on the same file', async () => {
    const cli = cliCheck(folder, 'chat.jsonl');
    assert.equal(cli.errors, 0, 'the CLI reads every conversation');
    assert.ok(cli.flagged > 0);
    assert.equal(await statusFlagged(client, uri), cli.flagged, 'status bar');
    assert.equal(await lensFlagged(client, uri), cli.flagged, 'CodeLens');
    assert.equal((await flaggedDiagnostics(client, uri)).length, cli.flagged, 'Problems');
    assert.deepEqual((await client.diagnostics(uri)).filter((d) => d.code !== DIAGNOSTIC_CODES.tooClean), [], 'no other diagnostic (no read error)');
  });

  test('"Roughen this example" on an assistant turn only cuts its opener, boilerplate and closing offer', async () => {
    let tried = 0;
    for (const diagnostic of await flaggedDiagnostics(client, uri)) {
      const lineNumber = diagnostic.range.start.line;
      const line = lineText(client, uri, lineNumber);
      const turn = literalOf(diagnostic.range, turnLiterals(line));
      if (turn?.role !== 'assistant') continue;
      const roughen = (await quickFixes(client, uri, diagnostic)).find((a) => a.title.startsWith('Roughen this example'));
      if (!roughen) {
        // Nothing to cut: the answer has no stock opener, boilerplate or closer of its own.
        assert.doesNotMatch(turn.value, /^(Certainly|Sure|Of course|Absolutely|Great question)!|I hope this helps!$/, `no roughen offered on ${turn.value}`);
        continue;
      }
      tried++;
      assert.match(roughen.title, ANSWER_FIX, roughen.title);
      const after = applied(roughen, uri, line, lineNumber);
      const was = JSON.parse(line) as { messages: { role: string; content: string }[] };
      const now = JSON.parse(after) as { messages: { role: string; content: string }[] };
      assert.equal(now.messages.length, was.messages.length);
      now.messages.forEach((message, i) => {
        assert.equal(message.role, was.messages[i].role);
        if (i !== turn.turn) assert.equal(message.content, was.messages[i].content, `turn ${i} is untouched`);
      });
      const before = was.messages[turn.turn ?? -1].content;
      const cut = now.messages[turn.turn ?? -1].content;
      assert.ok(cut.length < before.length, `${before} → ${cut}`);
      // Only cuts: every word left is a word of the answer, in order, spelled as it was (a capital may move up).
      assert.ok(onlyCuts(line.toLowerCase(), after.toLowerCase()), `the line keeps every other character:\n${line}\n${after}`);
      assert.ok(isSubsequence(words(cut), words(before)), `no word is changed (no typo):\n${before}\n${cut}`);
    }
    console.error(`roughen: ${tried} assistant turns roughened`);
    assert.ok(tried >= 10, `${tried} assistant turns had a roughen fix`);
  });

  test('editing an assistant turn re-scores its conversation at once, without a new analysis', async () => {
    const hoverAt = async (range: Range) => hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: range.start.line, character: range.start.character + 1 } }));
    const at = async (line: number) => (await flaggedDiagnostics(client, uri)).find((d) => d.range.start.line === line);
    const from = client.statuses.length;

    // A one-exchange conversation whose answer is underlined: a human answer instead, and it is flagged no more.
    const single = (await flaggedDiagnostics(client, uri)).find((d) => {
      const literals = turnLiterals(lineText(client, uri, d.range.start.line));
      return literals.length === 2 && literalOf(d.range, literals)?.role === 'assistant';
    });
    assert.ok(single, 'a flagged one-exchange conversation with its answer underlined');
    const score = (single.data as RowDiagnosticData).score;
    client.edit(uri, [{ range: single.range, newText: 'ya just restart it lol' }]);
    const rescored = await at(single.range.start.line);
    const hover = await hoverAt(single.range);
    console.error(`one exchange: score ${score.toFixed(3)} → ${rescored ? (rescored.data as RowDiagnosticData).score.toFixed(3) : 'not flagged'}\n${hover}`);
    assert.equal(rescored, undefined, `a human answer is not flagged: ${JSON.stringify(rescored)}`);
    assert.match(hover, /^\*\*Synthgap\*\* · the whole conversation: score 0\.\d+, higher than .* not flagged/, hover);
    assert.match(hover, /Nearest real conversation/, hover);

    // A longer conversation flagged on an answer: a user turn edited leaves the flag on that answer, same reasons.
    const longer = (await flaggedDiagnostics(client, uri)).find((d) => {
      const literals = turnLiterals(lineText(client, uri, d.range.start.line));
      return literals.length >= 4 && literalOf(d.range, literals)?.role === 'assistant';
    });
    assert.ok(longer, 'a flagged longer conversation with an answer underlined');
    const line = longer.range.start.line;
    const answer = literalOf(longer.range, turnLiterals(lineText(client, uri, line)));
    const user = turnLiterals(lineText(client, uri, line)).find((l) => l.role === 'user');
    assert.ok(answer && user);
    const reasonsBefore = (await hoverAt(longer.range)).split('\n').filter((l) => l.startsWith('- '));
    client.edit(uri, [{ range: { start: { line, character: user.start }, end: { line, character: user.end } }, newText: 'how do i get there' }]);
    const kept = await at(line);
    assert.ok(kept, 'the answer still reads like LLM writing');
    assert.ok((kept.data as RowDiagnosticData).score !== (longer.data as RowDiagnosticData).score, 'the conversation was scored again');
    const keptTurn = literalOf(kept.range, turnLiterals(lineText(client, uri, line)));
    assert.deepEqual([keptTurn?.turn, keptTurn?.start, keptTurn?.end], [answer.turn, kept.range.start.character, kept.range.end.character], 'the underline stays on the whole answer');
    assert.match(messageText(kept), /^assistant field reads /, messageText(kept));
    const keptHover = await hoverAt(kept.range);
    assert.match(keptHover, /assistant field/, keptHover);
    assert.deepEqual(keptHover.split('\n').filter((l) => l.startsWith('- ')), reasonsBefore, 'the same reasons: the answer did not change');

    // Now the underlined answer itself: the conversation is scored whole, and the hover and Problems say so.
    client.edit(uri, [{ range: kept.range, newText: 'ya just restart it lol' }]);
    const whole = await at(line);
    assert.ok(whole, 'the other answers still read like LLM writing');
    {
      const wholeHover = await hoverAt(whole.range);
      console.error(`answer edited, still flagged:\n${wholeHover}`);
      const turn = literalOf(whole.range, turnLiterals(lineText(client, uri, line)));
      assert.ok(turn, 'the underline is inside a turn\'s content');
      assert.notEqual(turn.turn, answer.turn, 'not on the human answer just typed');
      assert.match(wholeHover, /· the whole conversation: score/, wholeHover);
      assert.doesNotMatch(messageText(whole), /^\w+ field /, messageText(whole));
    }

    await client.waitForStatus((s) => s.state === 'ready', 60_000, client.statuses.length - 1);
    assert.ok(!client.statuses.slice(from).some((s) => s.state === 'analyzing'), 'no new analysis');
    assert.equal(await statusFlagged(client, uri), (await flaggedDiagnostics(client, uri)).length, 'status bar and Problems still agree');
    assert.equal(await lensFlagged(client, uri), (await flaggedDiagnostics(client, uri)).length, 'CodeLens and Problems still agree');
  });
});

describe('a ShareGPT file in the editor: the gpt turn\'s value underlined and named assistant', () => {
  let client: LspClient;
  let uri: string;

  before(async () => {
    ({ client, uri } = await openFixture('sharegpt', 'sharegpt', 'chat.jsonl'));
  });

  after(() => client.stop());

  test('every squiggle lies inside one turn\'s value, and the hover names its role', async () => {
    const flagged = await flaggedDiagnostics(client, uri);
    assert.ok(flagged.length > 0, 'no flagged row');
    const roles: Record<string, number> = {};
    for (const diagnostic of flagged) {
      const turn = literalOf(diagnostic.range, turnLiterals(lineText(client, uri, diagnostic.range.start.line)));
      assert.ok(turn?.key === 'value', `line ${diagnostic.range.start.line + 1}: ${JSON.stringify(diagnostic.range)} is not inside a turn's value`);
      assert.deepEqual([turn.start, turn.end], [diagnostic.range.start.character, diagnostic.range.end.character], 'the whole value is underlined');
      roles[turn.role ?? '?'] = (roles[turn.role ?? '?'] ?? 0) + 1;
      const hover = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: diagnostic.range.start.line, character: diagnostic.range.start.character + 1 } }));
      assert.match(hover, new RegExp(`${turn.role} field`), hover);
      for (const reason of hover.split('\n').filter((l) => l.startsWith('- '))) assert.ok(reason.startsWith(`- ${turn.role}:`), reason);
    }
    console.error(`sharegpt: ${flagged.length} squiggles by role ${JSON.stringify(roles)}`);
  });

  // The analysis (core gap/fields.ts) points a record at the field of the highest percentile among its reference
  // rows, ties (beyond every reference row) going to the field with the higher AUC. Here all 120 assistant turns
  // and 71 of 120 user turns are beyond every reference row of their role; breaking those ties by raw score (two
  // detectors' scores, not on one scale) put 32 of 60 records on a user turn although the assistant field
  // separates more (AUC 1.00 against 0.93).
  test('most squiggles are on the assistant turns, the field that differs most', async () => {
    const flagged = await flaggedDiagnostics(client, uri);
    const onAssistant = flagged.filter((d) => literalOf(d.range, turnLiterals(lineText(client, uri, d.range.start.line)))?.role === 'assistant');
    assert.ok(onAssistant.length > flagged.length / 2, `${onAssistant.length} of ${flagged.length} on assistant turns`);
  });
});

describe('an Alpaca file in the editor: the output underlined, roughened without typos, empty inputs read', () => {
  let folder: string;
  let client: LspClient;
  let uri: string;

  before(async () => {
    ({ folder, client, uri } = await openFixture('alpaca', 'alpaca', 'alpaca.jsonl'));
  });

  after(() => client.stop());

  test('squiggles lie inside the output (or instruction) string; an empty input is no error', async () => {
    const all = await client.diagnostics(uri);
    assert.deepEqual(all.filter((d) => d.code !== DIAGNOSTIC_CODES.tooClean).map((d) => d.message), [], 'no read error for "input": ""');
    const flagged = await flaggedDiagnostics(client, uri);
    const emptyInputs = client.document(uri).getText().split('\n').filter((l) => l.includes('"input": ""')).length;
    assert.ok(emptyInputs > 0, 'the fixture has empty inputs');
    const cli = cliCheck(folder, 'alpaca.jsonl');
    assert.equal(cli.errors, 0, 'the CLI reads every row');
    assert.equal(flagged.length, cli.flagged, 'Problems and the CLI agree');
    assert.equal(await statusFlagged(client, uri), cli.flagged, 'status bar and the CLI agree');
    const keys: Record<string, number> = {};
    for (const diagnostic of flagged) {
      const line = lineText(client, uri, diagnostic.range.start.line);
      const literal = literalOf(diagnostic.range, recordLiterals(line));
      assert.ok(literal && literal.key !== 'input', `line ${diagnostic.range.start.line + 1}: ${JSON.stringify(diagnostic.range)} is not inside the instruction or output`);
      assert.equal([literal.start, literal.end].join(), [diagnostic.range.start.character, diagnostic.range.end.character].join(), 'the whole value is underlined');
      keys[literal.key] = (keys[literal.key] ?? 0) + 1;
      const hover = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: diagnostic.range.start.line, character: diagnostic.range.start.character + 1 } }));
      assert.match(hover, new RegExp(`${literal.key} field`), hover);
      for (const reason of hover.split('\n').filter((l) => l.startsWith('- '))) assert.ok(reason.startsWith(`- ${literal.key}:`), reason);
    }
    console.error(`alpaca: ${flagged.length} squiggles by field ${JSON.stringify(keys)}`);
    assert.ok((keys.output ?? 0) > flagged.length / 2, JSON.stringify(keys));
  });

  test('"Roughen this example" on an output cuts stock phrases and never adds a typo', async () => {
    let tried = 0;
    for (const diagnostic of await flaggedDiagnostics(client, uri)) {
      const lineNumber = diagnostic.range.start.line;
      const line = lineText(client, uri, lineNumber);
      const literal = literalOf(diagnostic.range, recordLiterals(line));
      if (literal?.key !== 'output') continue;
      const roughen = (await quickFixes(client, uri, diagnostic)).find((a) => a.title.startsWith('Roughen this example'));
      if (!roughen) continue;
      tried++;
      assert.match(roughen.title, ANSWER_FIX, roughen.title);
      const after = applied(roughen, uri, line, lineNumber);
      const was = JSON.parse(line) as Record<string, string>;
      const now = JSON.parse(after) as Record<string, string>;
      assert.equal(now.instruction, was.instruction);
      assert.equal(now.input, was.input);
      assert.ok(onlyCuts(line.toLowerCase(), after.toLowerCase()), `${line}\n${after}`);
      assert.ok(isSubsequence(words(now.output), words(was.output)), `no word is changed:\n${was.output}\n${now.output}`);
    }
    console.error(`alpaca roughen: ${tried} outputs roughened`);
    assert.ok(tried >= 10, `${tried} outputs had a roughen fix`);
    assert.deepEqual(client.errors, []);
  });
});

/** A text's words, lower-cased (a cut may move a capital onto the next word). */
function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether `part` is `whole` with some items left out. */
function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let at = 0;
  for (const item of part) {
    while (at < whole.length && whole[at] !== item) at++;
    if (at === whole.length) return false;
    at++;
  }
  return true;
}
