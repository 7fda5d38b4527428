import { escapeMarkdown, formatCount, formatShare, plural } from '../report/format';
import type { PromptSection, PromptsReport } from './prompts';

/**
 * The prompts as a Markdown document: what was compared, the real set's style, then one section per
 * under-covered topic or label with its figures, distinctive words, real examples (file and line) and the
 * prompt in a fenced block the user copies as it is. Dataset text is escaped outside the fences, and each
 * fence is longer than any run of backticks inside it.
 */
export function formatPromptsMarkdown(report: PromptsReport): string {
  const count = (kind: PromptSection['kind']) => report.sections.filter((s) => s.kind === kind).length;
  const [topics, labels, wording] = [count('topic'), count('label'), count('wording')];
  const out: string[] = [];
  out.push(`# Generation prompts for ${escapeMarkdown(report.file)}`, '');
  out.push(
    `Compared ${plural(report.rows.synthetic, 'synthetic row')} with ${plural(report.rows.reference, 'real row')} (${report.referenceFiles.map(escapeMarkdown).join(', ')}): ` +
      `${formatCount(report.clusters)} real topic clusters${report.labelled ? ' and the labels' : ' (no labels on one side, so labels were not compared)'}.`,
  );
  if (report.sections.length === 0) {
    out.push('', 'The synthetic rows cover every real topic and label: there is nothing to steer. The real style is below, for reference.');
  } else {
    out.push(
      '',
      `The synthetic rows under-cover ${plural(topics, 'real topic')} and ${plural(labels, 'label')}, and miss how real users word ${plural(wording, 'label')}. ` +
        'Each section below has a prompt to paste into your own generator; ' +
        'run it as often as the rows needed say, check the output, and add it to your synthetic set. Synthgap never calls a model.',
    );
  }
  out.push('', `## How real messages are written (all ${formatCount(report.style.rows)} real rows measured)`, '');
  for (const rule of report.constraints) out.push(`- ${escapeMarkdown(rule)}`);
  report.sections.forEach((section, i) => out.push('', ...sectionLines(section, i + 1)));
  return `${out.join('\n')}\n`;
}

function sectionLines(section: PromptSection, number: number): string[] {
  const label = section.label === undefined ? '' : escapeMarkdown(section.label);
  const title = section.kind === 'label'
    ? `Label ${label}`
    : section.kind === 'wording'
      ? `Label ${label}: real wording the synthetic rows miss`
      : `Topic ${section.terms.length > 0 ? `“${escapeMarkdown(section.terms.slice(0, 3).join(', '))}”` : `#${number}`}${label ? ` (mostly ${label})` : ''}`;
  const lines = [`## ${number}. ${title}`, ''];
  if (section.kind === 'wording') {
    lines.push(
      `A classifier trained on the synthetic rows recognizes ${formatShare(section.recall ?? NaN)} of this label's real rows; the ${plural(section.realRows, 'real row')} it misses ` +
        `say things no synthetic row taught it. About ${plural(section.rowsNeeded, 'synthetic row')} in their wording would match their share.`,
    );
  } else {
    const why = section.kind === 'label'
      ? section.syntheticShare === 0 ? 'no synthetic row has this label' : `synthetic rows have ${formatShare(section.syntheticShare / section.realShare)} of the real share`
      : 'few synthetic rows come near this real topic';
    lines.push(`${formatShare(section.realShare)} of real rows, ${formatShare(section.syntheticShare)} of synthetic rows: ${why}. About ${plural(section.rowsNeeded, 'synthetic row')} would match the real share.`);
  }
  const against = section.kind === 'wording' ? ' (against the synthetic rows of this label)' : '';
  if (section.terms.length > 0) lines.push('', `Distinctive words${against}: ${section.terms.map((term) => `\`${term.replace(/`/g, "'")}\``).join(', ')}.`);
  const centre = section.kind === 'topic' ? "the topic's centre" : section.kind === 'wording' ? 'the centre of the missed rows' : "the label's centre";
  lines.push('', `Real examples, nearest ${centre}:`, '');
  for (const example of section.examples) lines.push(`- ${escapeMarkdown(example.text)} (${escapeMarkdown(example.file)}:${example.line})`);
  const kind = section.kind === 'topic' ? 'topic' : 'label';
  const own = section.kind === 'wording' ? 'missed real rows of this label' : `real rows of this ${kind}`;
  const style = section.styleOf === 'section' ? `${formatCount(section.style.rows)} ${own}` : `the whole real set, as this ${kind} has too few rows of its own`;
  lines.push('', `The prompt; its style rules were measured on ${style}:`, '');
  const fence = '`'.repeat(Math.max(3, longestRun(section.prompt) + 1));
  lines.push(`${fence}text`, section.prompt, fence);
  return lines;
}

function longestRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}
