import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { zipStore } from "./zip.server";

describe("zip for batch printing", () => {
  it("writes an archive that a standard reader opens, with every file intact", () => {
    const files = [
      { name: "DA-2026-000003-v1.pdf", bytes: new Uint8Array(Buffer.from("%PDF-1.3 first")), modified: new Date("2026-11-22T10:00:00Z") },
      { name: "DA-2026-000004-v2.pdf", bytes: new Uint8Array(Buffer.from("%PDF-1.3 second, longer")), modified: new Date("2026-11-22T10:00:00Z") },
    ];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-zip-")), "batch.zip");
    fs.writeFileSync(file, zipStore(files));
    const listing = execFileSync(
      "python3",
      ["-c", "import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; assert all(i.compress_type == 0 for i in z.infolist()); print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))", file],
      { encoding: "utf8" },
    );
    expect(JSON.parse(listing)).toEqual({ "DA-2026-000003-v1.pdf": "%PDF-1.3 first", "DA-2026-000004-v2.pdf": "%PDF-1.3 second, longer" });
  });

  it("refuses two files of one name rather than keep only one of them", () => {
    const file = { name: "DA-2026-000003-v1.pdf", bytes: new Uint8Array(Buffer.from("%PDF-1.3")), modified: new Date("2026-11-22T10:00:00Z") };
    expect(() => zipStore([file, file])).toThrow("Two files named DA-2026-000003-v1.pdf in one zip");
  });
});
