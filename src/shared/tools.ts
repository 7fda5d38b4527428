/**
 * Synthgap's agent tools, as data: one definition read by the MCP server (`synthgap mcp`), by the extension (VS
 * Code's agent mode, `vscode.lm.registerTool`) and by a unit test that fails when package.json's
 * `contributes.languageModelTools` drifts from it. The descriptions are written for a language model choosing a
 * tool; every path is relative to the workspace root (or absolute inside it).
 */

/** A JSON schema for a tool's input, as MCP's `tools/list` and VS Code's `inputSchema` take it. */
export type ToolInputSchema = {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly required?: readonly string[];
  readonly additionalProperties: false;
};

export interface ToolDefinition {
  /** The MCP tool name; VS Code's is `synthgap_` + this (its tool names share one namespace across extensions). */
  readonly name: ToolName;
  readonly title: string;
  /** What the tool does and returns, for the model that picks it. */
  readonly description: string;
  readonly inputSchema: ToolInputSchema;
  /** The input naming the file the tool writes; the tool writes only when it is given. */
  readonly writesTo?: 'output';
}

export type ToolName = 'check' | 'explain_row' | 'roughen' | 'select' | 'prompts' | 'probe';

/** VS Code's name of a tool: `synthgap_check`. */
export function vscodeToolName(name: ToolName): string {
  return `synthgap_${name}`;
}

/** What a user types after `#` in the chat to attach a tool: `#synthgapExplainRow`. */
export function toolReferenceName(name: ToolName): string {
  return `synthgap${name.replace(/(^|_)([a-z])/g, (_, _sep: string, letter: string) => letter.toUpperCase())}`;
}

const dataset = { type: 'string', minLength: 1, description: 'The synthetic dataset file (JSONL, CSV or TSV), relative to the workspace root.' } as const;
const reference = { type: 'string', minLength: 1, description: 'The real reference file, relative to the workspace root. Omit it to use the "reference" of synthgap.json.' } as const;
const folder = { type: 'string', minLength: 1, description: 'The folder whose synthgap.json holds the settings (reference, text and label fields, seed), relative to the workspace root. Default: the root.' } as const;
const textField = { type: 'string', minLength: 1, description: 'Field(s) holding the text, comma-separated dotted paths; auto-detected when omitted.' } as const;
const labelField = { type: 'string', minLength: 1, description: 'Field holding the label; auto-detected when omitted.' } as const;
// 2^32 - 1: the largest seed synthgap.json's schema accepts.
const seed = { type: 'integer', minimum: 0, maximum: 4294967295, description: 'Random seed; the same seed gives the same result (default 42).' } as const;
const common = { reference, folder, textField, labelField, seed };

export const TOOLS: readonly ToolDefinition[] = [
  {
    name: 'check',
    title: 'Check synthetic data against real data',
    description:
      'Compares a synthetic text dataset with real reference data and says how far apart they are. Returns, per dataset: the verdict, the AUC of a real-vs-synthetic detector with its 95% interval (0.5 = indistinguishable), the headline in words, row counts and how many rows are flagged, the largest style gaps in words, the words and phrases over-used by the synthetic rows and by the real rows, near-duplicates, coverage, copies of real rows, the most synthetic-looking rows with their reasons, and unreadable lines as file:line. Reads only.',
    inputSchema: { type: 'object', properties: { dataset: { ...dataset, description: 'The synthetic dataset file (JSONL, CSV or TSV), relative to the workspace root. Omit it to check the "datasets" of synthgap.json.' }, ...common }, additionalProperties: false },
  },
  {
    name: 'explain_row',
    title: 'Explain why a row is flagged',
    description:
      'Explains one row of a synthetic dataset: its synthetic-looking score, its percentile among the real rows\' scores, whether it is flagged and the flag threshold, the reasons in words (length, punctuation, over-used phrases, ...), its text, and the nearest real row with its similarity. Use it for "why is line 40 flagged?". The line is the 1-based line of the row in the file. Reads only.',
    inputSchema: { type: 'object', properties: { dataset, line: { type: 'integer', minimum: 1, description: 'The 1-based line of the row in the file.' }, ...common }, required: ['dataset', 'line'], additionalProperties: false },
  },
  {
    name: 'roughen',
    title: 'Roughen synthetic rows',
    description:
      'Writes a copy of the synthetic dataset with its rows made as noisy as the real rows (typos, casing, punctuation, contractions, slang, stock phrases, length, each as often as the real data shows them); labels, other fields and untouched lines stay byte-identical. Needs an output path (never the input or the reference). Returns how many rows changed, the kinds of change with counts, a sample of changed lines (before and after), and the real data\'s noise in words.',
    inputSchema: {
      type: 'object',
      properties: {
        dataset,
        output: { type: 'string', minLength: 1, description: 'Where to write the roughened file, relative to the workspace root. Required.' },
        onlyFlagged: { type: 'boolean', description: 'Roughen only the rows the check flags (default false: every row).' },
        // Ten times the real noise garbles most words already (the CLI's --strength allows the same range).
        strength: { type: 'number', minimum: 0, maximum: 10, description: 'Scale the noise: 0 none, 1 like the real data (default), 2 double.' },
        ...common,
      },
      required: ['dataset', 'output'],
      additionalProperties: false,
    },
    writesTo: 'output',
  },
  {
    name: 'select',
    title: 'Select the synthetic rows worth keeping',
    description:
      'Finds the synthetic rows to drop: copies of real rows, near-duplicates beyond one per group, and optionally the most synthetic-looking share. Returns the counts per reason, the detector AUC, and a sample of dropped rows with line, reason and text. Writes the kept lines to output only when an output path is given; otherwise it only reports.',
    inputSchema: {
      type: 'object',
      properties: {
        dataset,
        output: { type: 'string', minLength: 1, description: 'Where to write the kept lines, relative to the workspace root. Omit it to only report.' },
        dropTop: { type: 'number', minimum: 0, exclusiveMaximum: 1, description: 'Also drop this share (0 to 1) of rows with the highest synthetic-looking scores, e.g. 0.1.' },
        keepPerGroup: { type: 'integer', minimum: 1, description: 'Rows kept per near-duplicate group (default 1).' },
        ...common,
      },
      required: ['dataset'],
      additionalProperties: false,
    },
    writesTo: 'output',
  },
  {
    name: 'prompts',
    title: 'Write generation prompts for what the synthetic data misses',
    description:
      'Writes generation prompts for the real rows no synthetic row comes close to: one per label (or per topic cluster without labels), ranked by how many real rows each would cover. Each prompt quotes uncovered real examples and states the real rows\' style as rules; paste it into a generator. Returns the prompts with their label, uncovered and real row counts. Use it for "write prompts for what my synthetic set misses". Reads only.',
    inputSchema: {
      type: 'object',
      properties: {
        dataset,
        // Ten prompts are more than one generation round usually runs (the CLI's default); 20 keeps the result bounded.
        top: { type: 'integer', minimum: 1, maximum: 20, description: 'The N highest-ranked prompts (default 5).' },
        label: { type: 'string', minLength: 1, description: 'Only the prompt for this label.' },
        // Fifty examples make a prompt longer than most generators read closely (the CLI's own limit).
        examples: { type: 'integer', minimum: 1, maximum: 50, description: 'Real example rows quoted per prompt (default 5).' },
        ...common,
      },
      required: ['dataset'],
      additionalProperties: false,
    },
  },
  {
    name: 'probe',
    title: 'Probe whether the synthetic data helps a classifier',
    description:
      'Trains a light intent classifier on real rows only, synthetic rows only, and both, and tests each on real rows it never saw (a test file, or cross-validation of the reference). Returns accuracy and macro-F1 of each, the points the synthetic rows add or cost, the labels where they help or hurt most, and how many real rows the synthetic rows are worth. Needs labels on both sides. Reads only; takes longer than check.',
    inputSchema: {
      type: 'object',
      properties: {
        dataset,
        test: { type: 'string', minLength: 1, description: 'Real rows to test on, relative to the workspace root; default: cross-validate the reference.' },
        curve: { type: 'boolean', description: 'Train the learning curve behind "worth N real rows" (default true; false is faster).' },
        ...common,
      },
      required: ['dataset'],
      additionalProperties: false,
    },
  },
];
