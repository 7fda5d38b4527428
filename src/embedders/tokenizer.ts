import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the embedders need of a transformers.js tokenizer. */
export interface TextTokenizer {
  /** Token ids of `text` without special tokens added around it. */
  encode(text: string): number[];
  /** Ids of the special tokens ([CLS], [SEP], [PAD], [UNK], [MASK], …). */
  readonly specialIds: readonly number[];
  readonly vocabSize: number;
}

interface TokenizerJson {
  readonly model?: { readonly type?: string; readonly unk_token?: string; readonly vocab?: unknown };
  readonly normalizer?: { readonly type?: string } | null;
  readonly pre_tokenizer?: { readonly type?: string } | null;
  readonly added_tokens?: readonly { readonly id: number; readonly content: string; readonly special?: boolean }[];
}

/**
 * Loads transformers.js's tokenizer from a folder's `tokenizer.json`, with its `tokenizer_config.json` when there is
 * one. Model2Vec folders have no config, and `AutoTokenizer.from_pretrained` needs one; constructing the
 * tokenizer from the parsed JSON needs neither a config nor a write into the user's folder.
 *
 * The class is `Tokenizer` from `@huggingface/tokenizers`, the pure-JavaScript library that transformers.js 4
 * tokenizes with (its PreTrainedTokenizer wraps one; the tests check both give the same ids). Importing it alone
 * keeps the static embedder free of onnxruntime-node and sharp, whose native binaries transformers.js loads on
 * import: the default semantic embedder then works wherever Node runs, and starts in milliseconds.
 */
export async function loadTokenizer(folder: string): Promise<TextTokenizer> {
  const json = JSON.parse(await readFile(join(folder, 'tokenizer.json'), 'utf8')) as TokenizerJson;
  let config: Record<string, unknown> = {};
  try {
    config = JSON.parse(await readFile(join(folder, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    // Absent (Model2Vec) or unreadable: the tokenizer.json alone describes the tokenization.
  }
  if (config.unk_token === undefined && json.model?.unk_token) config = { ...config, unk_token: json.model.unk_token };
  const { Tokenizer } = await import('@huggingface/tokenizers');
  const tokenizer = new Tokenizer(json, config);
  const specialIds = (json.added_tokens ?? []).filter((token) => token.special).map((token) => token.id);
  const vocab = json.model?.vocab;
  const vocabSize = Array.isArray(vocab) ? vocab.length : vocab && typeof vocab === 'object' ? Object.keys(vocab).length : 0;
  const encode = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).ids;
  return { encode: splitsOnWhitespace(json) ? memoizedByWord(encode) : encode, specialIds, vocabSize };
}

/**
 * BERT-style tokenizers normalize character by character and split at whitespace before anything else, so a
 * text's tokens are its whitespace-separated words' tokens, one after the other. Remembering each word's tokens
 * then skips most of the tokenizer's work on real text (words repeat), which is what lets a static model embed
 * 50K rows a second. Other tokenizers (byte-level BPE, Metaspace) see spaces as part of tokens: no shortcut.
 */
function splitsOnWhitespace(json: TokenizerJson): boolean {
  const normalizer = json.normalizer?.type ?? 'none';
  const pre = json.pre_tokenizer?.type ?? 'none';
  return ['BertNormalizer', 'Lowercase', 'none'].includes(normalizer) && ['BertPreTokenizer', 'Whitespace', 'WhitespaceSplit'].includes(pre);
}

const MAX_MEMO_WORDS = 200_000;

function memoizedByWord(encode: (text: string) => number[]): (text: string) => number[] {
  let memo = new Map<string, number[]>();
  return (text) => {
    const ids: number[] = [];
    for (const word of text.split(/\s+/)) {
      if (word.length === 0) continue;
      let wordIds = memo.get(word);
      if (wordIds === undefined) {
        // A bounded memo: long runs over many distinct words start afresh instead of growing without end.
        if (memo.size >= MAX_MEMO_WORDS) memo = new Map();
        wordIds = encode(word);
        memo.set(word, wordIds);
      }
      for (let i = 0; i < wordIds.length; i++) ids.push(wordIds[i]);
    }
    return ids;
  };
}
