import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isLocalFolder } from './modelStore';
import { missingRuntime } from './onnxRuntime';
import type { DownloadProgressReporter } from './progress';

/** How the child process loads a transformer encoder; plain data, so it crosses the process boundary. */
export interface EncoderLoadOptions {
  /** A hub id (`Xenova/all-MiniLM-L6-v2`) or a local folder holding config.json, tokenizer files and onnx/. */
  readonly model: string;
  /** Where downloaded models are kept (and looked up). */
  readonly cacheDir?: string;
  /** False: local files only (a folder, or a model already in cacheDir). */
  readonly allowDownload: boolean;
  /** Weights to load: `fp32` (onnx/model.onnx) or `q8` (onnx/model_quantized.onnx); by default whichever the folder has, q8 first. */
  readonly dtype?: 'fp32' | 'q8';
  /** Rows per forward pass; default 16. Batches hold rows of similar length, so padding costs little. */
  readonly batchSize?: number;
  /** onnxruntime threads; default 1 (the editor and the analysis need the other cores). */
  readonly threads?: number;
}

type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>;

export const DEFAULT_BATCH_SIZE = 16;

/**
 * One transformers.js feature-extraction pipeline (one onnxruntime session, created once and reused): mean
 * pooling over non-padding tokens, L2-normalized. Runs wherever it is created; the editor and the CLI create it
 * in a child process (encoderHost.ts) so that a native crash cannot take them down.
 */
export class EncoderSession {
  private constructor(
    readonly modelId: string,
    readonly dimension: number,
    private readonly extractor: Extractor,
    private readonly batchSize: number,
  ) {}

  static async load(options: EncoderLoadOptions, onProgress?: DownloadProgressReporter): Promise<EncoderSession> {
    // transformers.js loads onnxruntime-node as it is imported; without it, say what to install instead of
    // passing on "Cannot find module".
    const missing = missingRuntime();
    if (missing) throw new Error(missing);
    const transformers = await import('@huggingface/transformers');
    const { env } = transformers;
    const local = isLocalFolder(options.model);
    if (options.cacheDir) env.cacheDir = options.cacheDir;
    let name = options.model;
    if (local) {
      const folder = resolve(options.model);
      env.localModelPath = dirname(folder);
      env.allowRemoteModels = false;
      name = basename(folder);
    } else {
      env.allowRemoteModels = options.allowDownload;
      env.allowLocalModels = true;
      if (options.cacheDir) env.localModelPath = options.cacheDir;
    }
    const dtype = options.dtype ?? (local && !existsSync(join(options.model, 'onnx/model_quantized.onnx')) ? 'fp32' : 'q8');
    const extractor = (await transformers.pipeline('feature-extraction', name, {
      dtype,
      session_options: { intraOpNumThreads: options.threads ?? 1, interOpNumThreads: 1 },
      progress_callback: (info) => {
        // transformers.js reports reading local files as progress too: only downloads are worth a progress line.
        if (info.status === 'progress' && !local) onProgress?.({ model: options.model, file: info.file, loaded: info.loaded, total: info.total });
      },
    })) as unknown as Extractor;
    const probe = await extractor(['a'], { pooling: 'mean', normalize: true });
    const dimension = probe.dims[probe.dims.length - 1];
    return new EncoderSession(`transformers:${local ? basename(resolve(options.model)) : options.model}`, dimension, extractor, options.batchSize ?? DEFAULT_BATCH_SIZE);
  }

  /**
   * Vectors of `texts`, in their order. Texts are sorted by length and cut into batches (padding to the longest
   * row of a batch otherwise costs 3 to 4 times); `isCancelled` is asked between batches.
   */
  async embed(texts: readonly string[], isCancelled: () => boolean = () => false): Promise<Float32Array[] | undefined> {
    const order = Array.from(texts.keys()).sort((a, b) => texts[a].length - texts[b].length);
    const out: Float32Array[] = new Array(texts.length);
    for (let start = 0; start < order.length; start += this.batchSize) {
      if (isCancelled()) return undefined;
      const rows = order.slice(start, start + this.batchSize);
      // Empty text would give no tokens besides [CLS]/[SEP]; that is still a defined vector.
      const result = await this.extractor(rows.map((row) => texts[row]), { pooling: 'mean', normalize: true });
      rows.forEach((row, i) => (out[row] = result.data.slice(i * this.dimension, (i + 1) * this.dimension)));
    }
    return out;
  }
}
