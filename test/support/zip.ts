// Reads a zip file (a .vsix) with node:zlib: the central directory's entries, and extraction. Stored and deflated
// entries only, no zip64 (vsce writes neither for files of this size): enough for tests, no dependency.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly size: number;
  readonly method: number;
  /** Offset of the entry's local header. */
  readonly offset: number;
}

export function readZipEntries(zip: Buffer): ZipEntry[] {
  // The end-of-central-directory record is within the last 64 KB + 22 bytes (it may be followed by a comment).
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  if (zip.readUInt32LE(at) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  const data = entry.method === 0 ? Buffer.from(raw) : entry.method === 8 ? inflateRawSync(raw) : undefined;
  if (!data) throw new Error(`${entry.name}: unsupported compression method ${entry.method}`);
  if (data.length !== entry.size) throw new Error(`${entry.name}: ${data.length} bytes, expected ${entry.size}`);
  return data;
}

/** Extracts every file of `zipPath` into `folder`; returns the entries. */
export function extractZip(zipPath: string, folder: string): ZipEntry[] {
  const zip = readFileSync(zipPath);
  const entries = readZipEntries(zip);
  const root = resolve(folder);
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const path = resolve(join(root, entry.name));
    if (!path.startsWith(root + sep)) throw new Error(`${entry.name} would be written outside ${root}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, readZipEntry(zip, entry));
  }
  return entries;
}
