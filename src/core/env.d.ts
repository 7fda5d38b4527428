// The core runs in Node, in a worker and in a browser. It may use only what all three share;
// these two standard classes are not in the ES lib typings, so they are declared here.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
