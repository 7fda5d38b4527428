import { oneLine } from '../report/format';

export interface PromptParts {
  /** The intent label, when the rows have labels. */
  readonly label?: string;
  /** Words and phrases that set the topic apart. */
  readonly terms: readonly string[];
  readonly examples: readonly string[];
  readonly constraints: readonly string[];
  /** Messages to ask for in one go. */
  readonly count: number;
  /** A sentence on what to aim for, after the topic. */
  readonly focus?: string;
  /** What the style was measured on, for the prompt's own words: `38 real messages of this kind`. */
  readonly measuredOn: string;
}

/**
 * A generation prompt ready to paste into the user's own generator: what to write about (label, distinctive
 * words), real examples to match but not copy, the measured style as rules, and the output format. Plain text,
 * one example per line (line breaks inside an example shown as ` ↵ `).
 *
 * @example composePrompt({ label: 'pin_change', terms: ['pin', 'reset'], examples, constraints, count: 25, measuredOn: '120 real messages of this kind' })
 */
export function composePrompt(parts: PromptParts): string {
  const lines: string[] = [];
  lines.push(`Write ${parts.count} new messages that real users might send to a virtual assistant or support chat.`);
  if (parts.label !== undefined) lines.push(`Each message must have the intent "${oneLine(parts.label)}".`);
  if (parts.terms.length > 0) lines.push(`The topic: what these real messages are about (their most distinctive words are ${parts.terms.map((term) => `"${term}"`).join(', ')}).`);
  if (parts.focus) lines.push(parts.focus);
  lines.push('', 'Real messages of this kind. Match their voice and their situations; do not copy or lightly reword them:');
  parts.examples.forEach((example) => lines.push(`- ${oneLine(example)}`));
  lines.push('', `Style rules, measured on ${parts.measuredOn}:`);
  parts.constraints.forEach((rule) => lines.push(`- ${rule}`));
  lines.push(
    '',
    'Vary the situation, the details and the wording from one message to the next; no two messages should start the same way.',
    'Output only the messages, one per line, without numbering, quotes or commentary.',
  );
  return lines.join('\n');
}
