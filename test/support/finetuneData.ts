// Fine-tuning data at any size for e2e tests and the benchmark: instruction rows (Alpaca) and chat files (OpenAI,
// ShareGPT) built from intent utterances. The real side pairs real utterances with short human replies, the
// synthetic side pairs LLM paraphrases with LLM-styled responses. Both reply banks are written here; every choice
// is a seeded draw, so the same arguments give the same files.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom, shuffleInPlace, type Random } from '../../src/core/stats/random';

/** The utterances each side's instructions and user turns come from (one text each). */
export interface SourceTexts {
  readonly real: readonly string[];
  readonly synthetic: readonly string[];
}

/** Both sides as JSONL texts, one row or conversation a line, ending with a newline. */
export interface Sides {
  readonly real: string;
  readonly synthetic: string;
}

/** `openai`: `{"messages":[{"role","content"}]}`; `sharegpt`: `{"conversations":[{"from","value"}]}`. */
export type ChatFormat = 'openai' | 'sharegpt';

type Side = 'real' | 'synthetic';

/** Half the instructions move their casing toward the other side, as in test/fixtures/finetune, so the
 * instructions and user turns separate less plainly than the responses do. */
const RECASE_SHARE = 0.5;
/** About one Alpaca row in ten has an input, as in instruction sets where most tasks stand alone. */
const INPUT_SHARE = 0.1;
/** Three conversations in ten open with a system prompt: enough rows for that role, not every conversation. */
const SYSTEM_SHARE = 0.3;
/** A human reply gets a typo this often: common in typed chat, rare enough that typos alone do not separate. */
const TYPO_SHARE = 0.15;
/** This share of human replies is capitalized and punctuated, and of LLM replies plain (no opener, list or
 * closer), so neither side is told apart by a single token. */
const CROSSOVER_SHARE = 0.2;
/** This share of replies on each side comes from one bank both sides share (plain, correct answers anyone might
 * write), and as many real replies again are careful human answers, so the responses do not separate perfectly
 * (on the full CLINC150 the baseline's joined-text AUC goes from 1.000 to 0.995; twice the share only to 0.986,
 * as the instructions still differ). */
const SHARED_SHARE = 0.15;

const CLINC_SUBSET = resolve(__dirname, '../fixtures/clinc-subset');

/**
 * The CLINC150 rows of test/fixtures/clinc-subset (300 real, 360 gpt-3.5), the default source.
 *
 * @example alpacaSides(500, 1, clincSubset())
 */
export function clincSubset(): SourceTexts {
  return { real: jsonlTexts(readFileSync(join(CLINC_SUBSET, 'real.jsonl'), 'utf8')), synthetic: jsonlTexts(readFileSync(join(CLINC_SUBSET, 'synthetic.jsonl'), 'utf8')) };
}

/** The `text` field of every row of a `{"text", …}` JSONL text. */
export function jsonlTexts(jsonl: string): string[] {
  return jsonl.split('\n').filter((line) => line.trim()).map((line) => (JSON.parse(line) as { text: string }).text);
}

/**
 * `n` Alpaca rows a side, `{"instruction","input","output"}`: the source utterance as the instruction and
 * `"input": ""`, or (one row in ten) a generic task as the instruction and the utterance as the input. Utterances
 * are used in a seeded order, each once before any repeats. Real outputs are short human replies ("ya just restart
 * it"), synthetic ones LLM-styled (openers, Markdown lists, hedges, closing offers, refusals).
 *
 * @example const { real, synthetic } = alpacaSides(2000, 7); // two JSONL texts of 2,000 lines
 */
export function alpacaSides(n: number, seed: number, source: SourceTexts = clincSubset()): Sides {
  const side = (which: Side, salt: number): string => {
    const random = seededRandom(seed * 2 + salt);
    const next = cycle(source[which], random);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const utterance = recase(which, next(), random);
      const withInput = random() < INPUT_SHARE;
      const row = { instruction: withInput ? pick(TASKS[which], random) : utterance, input: withInput ? utterance : '', output: reply(which, withInput ? utterance : '', random) };
      lines.push(JSON.stringify(row));
    }
    return lines.join('\n') + '\n';
  };
  return { real: side('real', 0), synthetic: side('synthetic', 1) };
}

/**
 * `n` conversations a side: an optional system prompt (three in ten), then one to three exchanges whose first user
 * turn is a source utterance and later ones another utterance or a follow-up ("ok thx", "Could you clarify that,
 * please?"), each answered in the side's style.
 *
 * @example const { real, synthetic } = chatSides(2000, 7, { format: 'sharegpt' });
 */
export function chatSides(n: number, seed: number, options: { readonly source?: SourceTexts; readonly format?: ChatFormat } = {}): Sides {
  const source = options.source ?? clincSubset();
  const format = options.format ?? 'openai';
  const side = (which: Side, salt: number): string => {
    const random = seededRandom(seed * 2 + salt + 1000);
    const next = cycle(source[which], random);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const turns: [role: 'system' | 'user' | 'assistant', text: string][] = [];
      if (random() < SYSTEM_SHARE) turns.push(['system', pick(SYSTEM[which], random)]);
      // One exchange in four conversations in ten, two in 35, three in 25: chat sets are mostly short.
      const draw = random();
      const exchanges = draw < 0.4 ? 1 : draw < 0.75 ? 2 : 3;
      for (let e = 0; e < exchanges; e++) {
        const user = e === 0 || random() < 0.5 ? recase(which, next(), random) : pick(FOLLOW_UPS[which], random);
        turns.push(['user', user], ['assistant', reply(which, user, random)]);
      }
      lines.push(JSON.stringify(format === 'openai'
        ? { messages: turns.map(([role, content]) => ({ role, content })) }
        : { conversations: turns.map(([role, value]) => ({ from: role === 'user' ? 'human' : role === 'assistant' ? 'gpt' : 'system', value })) }));
    }
    return lines.join('\n') + '\n';
  };
  return { real: side('real', 0), synthetic: side('synthetic', 1) };
}

/** Draws from `items` in a seeded order, each once per pass, reshuffling between passes. */
function cycle(items: readonly string[], random: Random): () => string {
  if (items.length === 0) throw new Error('finetuneData: no source texts');
  let order = shuffleInPlace(items.map((_, i) => i), random);
  let at = 0;
  return () => {
    if (at === order.length) {
      order = shuffleInPlace(order, random);
      at = 0;
    }
    return items[order[at++]];
  };
}

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

const QUESTION = /^(what|whats|what's|how|can|could|is|do|does|where|when|which|who|should|will|would|are|am|did)\b/i;

/** Real utterances capitalized and punctuated, synthetic ones lower-cased without final punctuation. */
function recase(side: Side, text: string, random: Random): string {
  if (random() >= RECASE_SHARE || !text) return text;
  if (side === 'synthetic') return text.toLowerCase().replace(/[.?!\s]+$/, '');
  const capital = text[0].toUpperCase() + text.slice(1);
  return /[.?!]$/.test(capital) ? capital : capital + (QUESTION.test(capital) ? '?' : '.');
}

function reply(side: Side, prompt: string, random: Random): string {
  const draw = random();
  if (draw < SHARED_SHARE) return pick(SHARED_REPLIES, random);
  if (side === 'real') return draw < 2 * SHARED_SHARE ? pick(CAREFUL_HUMAN, random) : humanReply(random);
  return llmReply(prompt, random);
}

function humanReply(random: Random): string {
  let text = pick(HUMAN_START, random) + pick(HUMAN_BODY, random) + pick(HUMAN_END, random);
  if (random() < TYPO_SHARE) text = typo(text, random);
  if (random() < CROSSOVER_SHARE) text = text[0].toUpperCase() + text.slice(1) + (/[.?!)]$/.test(text) ? '' : '.');
  return text;
}

/** Swaps two letters inside a word of four letters or more, as fast typing does. */
function typo(text: string, random: Random): string {
  const words = text.split(' ');
  const long = words.map((word, i) => (/^[a-z]{4,}$/.test(word) ? i : -1)).filter((i) => i >= 0);
  if (long.length === 0) return text;
  const i = pick(long, random);
  const at = 1 + Math.floor(random() * (words[i].length - 2));
  words[i] = words[i].slice(0, at) + words[i][at + 1] + words[i][at] + words[i].slice(at + 2);
  return words.join(' ');
}

function llmReply(prompt: string, random: Random): string {
  if (random() < CROSSOVER_SHARE) return pick(random() < 0.5 ? LLM_PLAIN : LLM_SENTENCES, random);
  const parts: string[] = [];
  const kind = random();
  if (kind < 0.12) parts.push(pick(REFUSALS, random));
  else {
    const opener = pick(OPENERS, random);
    // One reply in eight restates the request, as assistants often do.
    const restated = prompt && random() < 0.125 ? `Regarding your request ("${prompt.replace(/[.?!]+$/, '')}"), here is what I found. ` : '';
    if (kind < 0.5) parts.push(opener + restated + pick(LLM_SENTENCES, random));
    else {
      const items = shuffleInPlace([...LIST_ITEMS], random).slice(0, 2 + Math.floor(random() * 3));
      const numbered = random() < 0.5;
      parts.push(`${opener}${restated}${pick(LIST_INTROS, random)}\n\n${items.map((item, i) => (numbered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n')}`);
    }
  }
  if (random() < 0.35) parts.push(pick(HEDGES, random));
  const closer = pick(CLOSERS, random);
  if (closer) parts.push(closer);
  // A list ends its paragraph; sentences after it start a new one. Otherwise half the replies are one paragraph.
  return parts.join(parts[0].includes('\n') || random() < 0.5 ? '\n\n' : ' ');
}

const TASKS: Record<Side, readonly string[]> = {
  real: ['reply to this', 'answer this msg', 'what should i tell them', 'respond to the customer', 'quick reply pls'],
  synthetic: ['Respond to the following customer inquiry.', "Provide a helpful response to the user's message below.", 'Write a reply to the following request.', 'Answer the question below.', 'Generate an appropriate response to the following message.'],
};

const SYSTEM: Record<Side, readonly string[]> = {
  real: ['You are Ada, a phone assistant. Keep answers short.', 'ada - phone assistant. be brief, no lists', 'you help users of a banking + car app. short replies'],
  synthetic: ['You are a helpful, respectful and honest assistant. Always answer as helpfully as possible, while being safe.', "You are an AI assistant. Provide detailed, accurate and well-structured answers to the user's questions.", 'You are a friendly virtual assistant. Respond politely and thoroughly, using Markdown formatting where appropriate.'],
};

const FOLLOW_UPS: Record<Side, readonly string[]> = {
  real: ['ok thx', 'wait what about tomorrow', 'and how long does that take', 'nvm', 'thats not what i asked', 'k', 'can u do it again next week', 'hmm ok', 'why', 'ok and then?'],
  synthetic: ['Thank you! Could you provide more details?', "That's helpful. What would you recommend next?", 'Could you clarify that, please?', 'Great, thank you for your assistance.', 'Is there an alternative option available?', 'Can you summarize that for me?'],
};

const HUMAN_START = ['', '', '', 'ya ', 'ok ', 'hmm ', 'idk, ', 'yep ', 'so ', 'lol '];
const HUMAN_BODY = [
  'just restart it', 'try settings > reset', 'check the app', 'its in the manual', 'ask ur bank', 'google it', 'takes like 2 days', 'should be fine',
  'no idea tbh', 'done', 'sent it', 'about 20 bucks', 'on it', 'cant do that one sorry', 'u gotta log in first', 'try again later, its down rn',
  'regular is fine', 'bout half', 'its 3:15', 'left at the light then straight', 'take the 14 bus', 'moved it', 'call them, faster', 'nope',
  'yeah that works', 'depends, what kind', 'check the label', 'like 200 cals', 'its on the receipt', 'already did that', 'they close at 9',
  'same as last time', 'spelled it in the chat above', 'use the other card', 'its under account > history', 'set it for 7am', 'no clue, sorry',
  'should show up tmrw', 'hit the refresh button', 'ya thats right',
];
const HUMAN_END = ['', '', '', ' lol', ' tbh', '!', '.', ' :)', ' i think', ' (worked for me)', ' fyi'];

const SHARED_REPLIES = [
  'The store closes at 9 PM.', "It's about 20 minutes by bus.", 'Regular unleaded is fine for that car.', 'Your balance will update in a few hours.',
  'You can change it under Settings > Profile.', 'It takes one to two business days.', "That's spelled the same in both languages.", 'About 200 calories per serving.',
  'Yes, the transfer went through.', 'Try restarting the app first.', 'It depends on where you are starting from.', 'The message was sent.',
];
const CAREFUL_HUMAN = [
  'Go to Settings, then Account, then Reset. If that does not work, reinstall the app.', 'I would check the owner\'s manual first; it lists the fuel grade on the first page of the maintenance section.',
  'Take the 14 bus to Central Station and change to the 22. It runs every 15 minutes until about 11 at night.', 'You spent $142 on restaurants this month, a bit more than last month.',
  'Hope that helps. Let me know if it still shows the old name.', 'Two ways: call the bank, or use the transfer page in the app. The app is faster.',
  'It is 3:15 in the afternoon here, so about 4:15 in the morning in Tokyo.', 'Honestly it depends on the portion. A small bowl is fine, a big plate is a lot of salt.',
  'In Spanish you would say "gracias", or "muchas gracias" if you want to be extra polite.', 'Done. I also added a note so you remember why you moved it.',
];
const OPENERS = ['Certainly! ', 'Sure! ', 'Of course! ', 'Great question! ', 'Absolutely! ', "I'd be happy to help. ", 'Thank you for reaching out. ', '', ''];
const LLM_SENTENCES = [
  'To resolve this, it is recommended to restart the application and ensure that it is updated to the latest version.',
  'Based on the information provided, your request has been processed successfully.',
  'The recommended approach is to review your account settings and verify that all details are accurate.',
  'This can typically be accomplished through the settings menu of your device or application.',
  'Your request has been completed, and the changes should be reflected shortly.',
  'It is important to consider several factors, including timing, cost, and convenience, before making a decision.',
  'The most efficient option would be to contact customer support directly, as they can provide personalized assistance.',
  'Generally speaking, most standard configurations will work well for this purpose.',
  'You can find this information in the official documentation or on the provider\'s website.',
  'The current estimate is approximately 20 minutes, although this may vary depending on conditions.',
];
const LIST_INTROS = ["Here's what you can do:", 'Here are a few steps you can take:', 'Consider the following options:', 'Here are some helpful tips:', 'To accomplish this, follow these steps:', 'Here is a brief overview:'];
const LIST_ITEMS = [
  '**Open the settings** menu on your device.', '**Verify your account details** to ensure accuracy.', 'Check for any available updates.', '**Restart the application** and try again.',
  'Review your recent transactions.', '**Contact customer support** if the issue persists.', 'Confirm the amount before proceeding.', 'Use a navigation app for real-time directions.',
  '**Check the label** for detailed information.', 'Compare the available options carefully.', 'Save your changes before exiting.', 'Set a reminder so you do not forget.',
  '**Consult the official documentation** for more details.', 'Make sure you have a stable internet connection.', 'Keep a record of the confirmation number.', 'Allow up to 24 hours for changes to take effect.',
];
const REFUSALS = [
  "As an AI language model, I don't have access to real-time information. However, I recommend checking the official app or website.",
  "I'm sorry, but I'm unable to access your personal accounts. Please contact your provider directly for assistance.",
  "As an AI language model, I cannot perform this action on your behalf. However, I can guide you through the process.",
  "I'm sorry, but I don't have enough information to answer that accurately.",
  "Unfortunately, I'm not able to complete this request directly, but there are several alternatives available.",
];
const HEDGES = ['Please note that results may vary depending on your specific situation.', "It's important to note that policies can change over time.", 'However, it is always best to double-check with an official source.', 'Keep in mind that availability may differ by region.', 'That said, individual circumstances may vary.', 'Please be aware that additional fees may apply.'];
const CLOSERS = ['I hope this helps!', 'Let me know if you have any other questions.', 'Feel free to ask if you need further assistance.', 'Is there anything else I can help you with?', "Let me know if there's anything else I can do for you!", 'Have a great day!', '', ''];
const LLM_PLAIN = ['The transfer has been completed.', 'Your message has been sent.', 'It is currently 3:15 PM.', 'Regular unleaded fuel is suitable for your vehicle.', 'Your reminder has been set for 7:00 AM.', 'The store closes at 9:00 PM.', 'Your tank is approximately half full.', 'That is correct.'];
