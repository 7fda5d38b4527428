// Writes a small BERT-shaped encoder (ONNX, seeded weights) with a WordPiece tokenizer, in the folder layout
// transformers.js loads: config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx. Tests and the bench
// run the transformer path on it; nothing is downloaded.
//   npx tsx scripts/makeTestEncoder.ts [folder] [--layers N --hidden N --heads N --intermediate N]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import { seededRandom } from '../src/core/stats/random';

export interface TestEncoderShape {
  /** A folder whose tokenizer.json (a real WordPiece vocabulary) replaces the tiny test one; the bench uses it. */
  readonly tokenizerFrom?: string;
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly intermediate: number;
  readonly seed: number;
}

/** Small and fast: about 200 KB. The bench passes a MiniLM-L6 shape (6 layers, 384 hidden, 12 heads, 1536). */
export const TINY_ENCODER: TestEncoderShape = { layers: 2, hidden: 64, heads: 4, intermediate: 128, seed: 7 };
const MAX_POSITIONS = 512;

const WORDS = `the a an and or but if of to in on at for with from by about as into like through after over between out
against during without before under around among i you he she it we they me him her us them my your his its our their
this that these those is are was were be been being have has had do does did will would shall should can could may might
must not no yes what which who whom whose when where why how all any both each few more most other some such only own same
so than too very just also now then here there up down again further once hello hi thanks thank please help want need
know think make get go see come take give find tell ask work call try use feel leave put mean keep let begin seem show
hear play run move live believe bring happen write provide sit stand lose pay meet include continue set learn change lead
understand watch follow stop create speak read allow add spend grow open walk win offer remember love consider appear buy
wait serve die send expect build stay fall cut reach kill remain card bank account money transfer balance pin reset
payment credit debit phone number weather today tomorrow time day week month year flight hotel book cancel order food
music song play alarm timer reminder list calendar meeting email message text people way thing man woman child world
life hand part place case point government company group problem fact new good first last long great little old big
high different small large next early young important public bad able`.split(/\s+/);

export function testEncoderVocab(): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
  const punctuation = `.,!?'"-:;()$%&/`.split('');
  const vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', ...letters, ...letters.map((c) => `##${c}`), ...punctuation];
  for (const word of WORDS) if (!vocab.includes(word)) vocab.push(word);
  return vocab;
}

function tokenizerJson(vocab: readonly string[]) {
  const special = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: special.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((token, id) => [token, id])) },
  };
}

/** The ONNX graph: embeddings (word + position + type, LayerNorm), then `layers` post-norm transformer blocks. */
export function buildEncoderModel(shape: TestEncoderShape, vocabSize: number): Uint8Array {
  const { hidden, heads, intermediate, layers } = shape;
  const random = seededRandom(shape.seed);
  const nodes: onnx.INodeProto[] = [];
  const initializers: onnx.ITensorProto[] = [];
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}_${counter++}`;
  const weight = (name: string, dims: number[], scale: number) => {
    const values = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++) values[i] = (random() * 2 - 1) * scale;
    initializers.push({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(values.buffer) });
    return name;
  };
  const constant = (name: string, values: Float32Array) => {
    initializers.push({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(values.buffer) });
    return name;
  };
  const ints = (name: string, values: number[]) => {
    initializers.push({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer) });
    return name;
  };
  const node = (opType: string, inputs: string[], attributes: onnx.IAttributeProto[] = [], output = fresh(opType)) => {
    nodes.push({ opType, input: inputs, output: [output], attribute: attributes });
    return output;
  };
  const intAttr = (name: string, i: number): onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INT, i });
  const intsAttr = (name: string, values: number[]): onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: values });
  const floatAttr = (name: string, f: number): onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.FLOAT, f });
  const layerNorm = (x: string, prefix: string) =>
    node('LayerNormalization', [x, constant(`${prefix}.gamma`, new Float32Array(hidden).fill(1)), constant(`${prefix}.beta`, new Float32Array(hidden))], [intAttr('axis', -1), floatAttr('epsilon', 1e-12)]);
  const dense = (x: string, prefix: string, from: number, to: number) =>
    node('Add', [node('MatMul', [x, weight(`${prefix}.weight`, [from, to], Math.sqrt(3 / from))]), constant(`${prefix}.bias`, new Float32Array(to))]);

  const words = node('Gather', [weight('embeddings.word', [vocabSize, hidden], 1), 'input_ids']);
  const types = node('Gather', [weight('embeddings.type', [2, hidden], 0.1), 'token_type_ids']);
  const seqLength = node('Gather', [node('Shape', ['input_ids']), ints('one_index', [1])]);
  const positions = node('Slice', [weight('embeddings.position', [MAX_POSITIONS, hidden], 0.1), ints('zero', [0]), seqLength, ints('axis0', [0])]);
  let x = layerNorm(node('Add', [node('Add', [words, types]), positions]), 'embeddings.norm');

  // Padding positions get -10000 before the softmax: [batch, 1, 1, seq].
  const maskFloat = node('Cast', ['attention_mask'], [intAttr('to', onnx.TensorProto.DataType.FLOAT)]);
  const maskBias = node('Unsqueeze', [node('Mul', [node('Sub', [constant('one', Float32Array.of(1)), maskFloat]), constant('minus_big', Float32Array.of(-10000))]), ints('mask_axes', [1, 2])]);
  const headDim = hidden / heads;
  const split = ints('split_shape', [0, 0, heads, headDim]);
  const merged = ints('merged_shape', [0, 0, hidden]);
  for (let l = 0; l < layers; l++) {
    const p = `layer${l}`;
    const project = (name: string, perm: number[]) => node('Transpose', [node('Reshape', [dense(x, `${p}.${name}`, hidden, hidden), split])], [intsAttr('perm', perm)]);
    const q = project('query', [0, 2, 1, 3]);
    const k = project('key', [0, 2, 3, 1]);
    const v = project('value', [0, 2, 1, 3]);
    const scores = node('Add', [node('Mul', [node('MatMul', [q, k]), constant(`${p}.scale`, Float32Array.of(1 / Math.sqrt(headDim)))]), maskBias]);
    const context = node('Reshape', [node('Transpose', [node('MatMul', [node('Softmax', [scores], [intAttr('axis', -1)]), v])], [intsAttr('perm', [0, 2, 1, 3])]), merged]);
    x = layerNorm(node('Add', [x, dense(context, `${p}.output`, hidden, hidden)]), `${p}.attention_norm`);
    const inner = node('Relu', [dense(x, `${p}.intermediate`, hidden, intermediate)]);
    x = layerNorm(node('Add', [x, dense(inner, `${p}.ffn_output`, intermediate, hidden)]), `${p}.output_norm`);
  }
  nodes.push({ opType: 'Identity', input: [x], output: ['last_hidden_state'] });

  const int64 = onnx.TensorProto.DataType.INT64;
  const input = (name: string): onnx.IValueInfoProto => ({ name, type: { tensorType: { elemType: int64, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] } } } });
  const model: onnx.IModelProto = {
    irVersion: 8,
    producerName: 'synthgap-test-encoder',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'test-encoder',
      node: nodes,
      initializer: initializers,
      input: [input('input_ids'), input('attention_mask'), input('token_type_ids')],
      output: [{ name: 'last_hidden_state', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: hidden }] } } } }],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

/** Writes the encoder folder and returns it. */
export function writeTestEncoder(folder: string, shape: TestEncoderShape = TINY_ENCODER): string {
  const borrowed = shape.tokenizerFrom ? (JSON.parse(readFileSync(join(shape.tokenizerFrom, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } }) : undefined;
  const vocab = borrowed ? Object.keys(borrowed.model.vocab) : testEncoderVocab();
  mkdirSync(join(folder, 'onnx'), { recursive: true });
  writeFileSync(join(folder, 'onnx/model.onnx'), buildEncoderModel(shape, vocab.length));
  writeFileSync(join(folder, 'tokenizer.json'), JSON.stringify(borrowed ?? tokenizerJson(vocab)));
  writeFileSync(join(folder, 'tokenizer_config.json'), JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: MAX_POSITIONS,
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      mask_token: '[MASK]',
    }));
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: shape.hidden,
    num_attention_heads: shape.heads,
    num_hidden_layers: shape.layers,
    intermediate_size: shape.intermediate,
    max_position_embeddings: MAX_POSITIONS,
    type_vocab_size: 2,
    vocab_size: vocab.length,
  };
  writeFileSync(join(folder, 'config.json'), JSON.stringify(config, null, 2));
  return folder;
}

/** The tiny encoder under .cache/ (git-ignored), written on first use; safe when several test processes ask at once. */
export function ensureTestEncoder(folder = join(__dirname, '../.cache/test-encoder'), shape: TestEncoderShape = TINY_ENCODER): string {
  if (existsSync(join(folder, 'config.json'))) return folder;
  mkdirSync(join(folder, '..'), { recursive: true });
  const scratch = writeTestEncoder(mkdtempSync(`${folder}.tmp-`), shape);
  try {
    renameSync(scratch, folder);
  } catch {
    // Another process finished first: its copy is the same model.
    rmSync(scratch, { recursive: true, force: true });
  }
  return folder;
}

// Run as a script (not when bundled into the bench, where require.main is the bundle itself).
if (process.argv[1]?.endsWith('makeTestEncoder.ts')) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const folder = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join(__dirname, '../.cache/test-encoder');
  const shape = { layers: flag('layers', TINY_ENCODER.layers), hidden: flag('hidden', TINY_ENCODER.hidden), heads: flag('heads', TINY_ENCODER.heads), intermediate: flag('intermediate', TINY_ENCODER.intermediate), seed: flag('seed', TINY_ENCODER.seed) };
  console.log(writeTestEncoder(folder, shape));
}
