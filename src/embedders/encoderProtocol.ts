// The messages between an EncoderEmbedder (parent) and encoderHost (child), over Node's IPC channel with
// 'advanced' serialization (so Float32Arrays travel as such). Each union is switched over exhaustively.
import type { EncoderLoadOptions } from './encoderSession';

/** Parent → child. */
export type HostRequest =
  | { readonly type: 'load'; readonly options: EncoderLoadOptions }
  | { readonly type: 'embed'; readonly id: number; readonly texts: readonly string[] }
  | { readonly type: 'cancel'; readonly id: number };

/** Child → parent. */
export type HostReply =
  | { readonly type: 'ready'; readonly modelId: string; readonly dimension: number }
  | { readonly type: 'loadFailed'; readonly message: string }
  | { readonly type: 'progress'; readonly model: string; readonly file: string; readonly loaded: number; readonly total: number }
  /** `count` vectors of the model's dimension, one after the other. */
  | { readonly type: 'vectors'; readonly id: number; readonly count: number; readonly data: Float32Array }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  | { readonly type: 'cancelled'; readonly id: number };
