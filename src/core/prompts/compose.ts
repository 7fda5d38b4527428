import { formatCount, oneLine } from '../exporters/format';

export interface PromptParts {
  /** A prompt for one label, or for one real topic cluster when the rows have no labels. */
  readonly kind: 'label' | 'cluster';
  /** The label (for a cluster, its most common label, which the prompt does not ask for). */
  readonly label?: string;
  /** Real rows of the label or cluster that no synthetic row comes close to. */
  readonly uncovered: number;
  /** Words and phrases that set the quoted rows apart. */
  readonly terms: readonly string[];
  readonly examples: readonly string[];
  readonly constraints: readonly string[];
  /** Messages to ask for in one go. */
  readonly count: number;
  /** What the style was measured on, for the prompt's own words: `38 real messages with this intent`. */
  readonly measuredOn: string;
}

/**
 * A generation prompt ready to paste into the user's own generator: the one label (or topic) to write for, how
 * many real messages of it nothing written so far resembles, some of them quoted (to match, not copy), the
 * measured style as rules, and the output format. Plain text, one example per line (line breaks inside an
 * example shown as ` ↵ `).
 *
 * @example composePrompt({ kind: 'label', label: 'pin_change', uncovered: 412, terms: ['pin', 'reset'], examples, constraints, count: 50, measuredOn: '120 real messages with this intent' })
 */
export function composePrompt(parts: PromptParts): string {
  const lines: string[] = [];
  const label = parts.kind === 'label' && parts.label !== undefined ? oneLine(parts.label) : undefined;
  lines.push(`Write ${parts.count} new messages that real users might send to a virtual assistant or support chat.`);
  if (label !== undefined) lines.push(`Every message must have the intent "${label}"; write nothing for any other intent.`);
  else lines.push('Every message must be about the same topic as the real messages below.');
  const words = parts.terms.length > 0 ? ` Their most distinctive words: ${parts.terms.map((term) => `"${term}"`).join(', ')}.` : '';
  const of = label !== undefined ? `with the intent "${label}"` : 'on this topic';
  if (parts.uncovered > 0) {
    lines.push(
      `${formatCount(parts.uncovered)} real ${parts.uncovered === 1 ? 'message' : 'messages'} ${of} ${parts.uncovered === 1 ? 'is' : 'are'} unlike any message written so far: cover the situations they are about.${words}`,
      '',
      `${parts.examples.length === 1 ? 'One' : formatCount(parts.examples.length)} of them. Match their voice and their situations; do not copy or lightly reword them:`,
    );
  } else {
    lines.push(`Real messages ${of} are already covered; vary the situations further.${words}`, '', 'Real messages of this kind. Match their voice; do not copy or lightly reword them:');
  }
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
