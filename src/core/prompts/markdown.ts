import { escapeMarkdown, formatCount, formatDecimal, formatShare, plural } from '../exporters/format';
import type { PromptSection, PromptsReport } from './prompts';

/**
 * The prompts as a Markdown document (what the terminal shows too): what was compared and what "close" meant,
 * the real set's style, then one section per label or topic cluster, highest rank first, with how many real
 * rows it would cover, distinctive words, the quoted uncovered rows (file and line) and the prompt in a fenced
 * block the user copies as it is. Dataset text is escaped outside the fences, and each fence is longer than
 * any run of backticks inside it.
 */
export function formatPromptsMarkdown(report: PromptsReport): string {
  const unit = report.groupedBy === 'label' ? 'label' : 'topic cluster';
  const out: string[] = [];
  out.push(`# Generation prompts for ${escapeMarkdown(report.file)}`, '');
  out.push(
    `Compared ${plural(report.rows.synthetic, 'synthetic row')} with ${plural(report.rows.reference, 'real row')} (${report.referenceFiles.map(escapeMarkdown).join(', ')}). ` +
      `${formatCount(report.uncoveredRows)} of ${plural(report.judgedRows, 'real row')} judged have no close synthetic row` +
      `${report.groupedBy === 'label' ? ' of their label' : ''}: none is within cosine ${formatDecimal(report.close.threshold, 2)} on the ${report.embedder === 'hashed' ? 'hashed embedding' : `embedding ${escapeMarkdown(report.embedder)}`}, ` +
      `a similarity that ${formatShare(1 - report.close.quantile)} of real rows reach to their nearest other real row${report.groupedBy === 'label' ? ' of the same label' : ''} ` +
      `(${formatCount(report.close.sampleRows)} rows a side compared).`,
  );
  if (report.groupedBy === 'cluster') out.push('', 'The rows have no labels on both sides, so there is one prompt per topic cluster of the real rows (k-means on the same embedding) instead of one per label.');
  if (report.prompts.length === 0) {
    out.push('', report.groupsWithUncovered === 0 ? `Every real row has a close synthetic row: there is nothing to steer. The real style is below, for reference.` : `No ${unit} matched.`);
  } else {
    const shown = report.prompts.length < report.groupsWithUncovered ? `the top ${formatCount(report.prompts.length)} of ${formatCount(report.groupsWithUncovered)}` : `all ${formatCount(report.groupsWithUncovered)}`;
    out.push(
      '',
      `Prompts are ranked by the real rows they would cover; ${shown} ${report.groupsWithUncovered === 1 ? unit : `${unit}s`} with uncovered rows ${report.prompts.length === 1 ? 'is' : 'are'} below. ` +
        'Paste a prompt into your own generator, check the output, and add it to your synthetic set. Synthgap never calls a model.',
    );
  }
  out.push('', `## How real messages are written (all ${formatCount(report.style.rows)} real rows measured)`, '');
  for (const rule of report.styleRules) out.push(`- ${escapeMarkdown(rule)}`);
  report.prompts.forEach((section, i) => out.push('', ...sectionLines(section, i + 1)));
  return `${out.join('\n')}\n`;
}

function sectionLines(section: PromptSection, rank: number): string[] {
  const label = section.label === undefined ? '' : escapeMarkdown(section.label);
  const title = section.kind === 'label'
    ? `Label ${label}`
    : `Topic ${section.terms.length > 0 ? `“${escapeMarkdown(section.terms.slice(0, 3).join(', '))}”` : `#${section.cluster ?? rank}`}${label ? ` (mostly ${label})` : ''}`;
  const lines = [`## ${rank}. ${title}`, ''];
  const of = section.kind === 'label' ? `of \`${(section.label ?? '').replace(/`/g, "'")}\`` : 'of this topic';
  const synthetic = section.syntheticRows === undefined ? '' : section.syntheticRows === 0 ? ' (no synthetic row has this label)' : ` (the file has ${plural(section.syntheticRows, 'synthetic row')} with this label)`;
  if (section.uncoveredRealRows > 0) {
    lines.push(`${formatCount(section.uncoveredRealRows)} of ${formatCount(section.realRows)} real rows ${of} have no close synthetic row${synthetic}; ${formatCount(section.examples.length)} of them:`);
  } else {
    lines.push(`All ${formatCount(section.realRows)} real rows ${of} have a close synthetic row${synthetic}; ${formatCount(section.examples.length)} of them:`);
  }
  lines.push('');
  for (const example of section.examples) lines.push(`- ${escapeMarkdown(example.text)} (${escapeMarkdown(example.file)}:${example.line})`);
  if (section.terms.length > 0) lines.push('', `Distinctive words: ${section.terms.map((term) => `\`${term.replace(/`/g, "'")}\``).join(', ')}.`);
  const own = section.kind === 'label' ? 'real rows of this label' : 'real rows of this topic';
  const style = section.styleOf === 'section' ? `${formatCount(section.style.rows)} ${own}` : `the whole real set, as this ${section.kind === 'label' ? 'label' : 'topic'} has too few rows of its own`;
  lines.push('', `The prompt; its style rules were measured on ${style}:`, '');
  const fence = '`'.repeat(Math.max(3, longestRun(section.text) + 1));
  lines.push(`${fence}text`, section.text, fence);
  return lines;
}

function longestRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}
