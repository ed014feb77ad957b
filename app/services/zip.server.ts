import { zipSync, type Zippable } from "fflate";

/**
 * A zip archive with every file stored uncompressed (level 0): PDFs are compressed already
 * (docs/decisions/010-batch-print-as-zip.md). Written by fflate (decision 027).
 */
export function zipStore(files: { name: string; bytes: Uint8Array; modified: Date }[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    // Names are keys here: a second file of the same name would silently replace the first (hazard H44).
    if (file.name in entries) throw new Error(`Two files named ${file.name} in one zip`);
    entries[file.name] = [file.bytes, { level: 0, mtime: file.modified }];
  }
  return zipSync(entries);
}
