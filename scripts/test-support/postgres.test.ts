import fs from "node:fs";
import net from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startPostgres } from "./postgres";

/** True when something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("the throwaway PostgreSQL of the tests", () => {
  it("starts an empty database that takes writes, gives more databases, and leaves nothing behind when stopped", async () => {
    const server = await startPostgres();
    const port = Number(new URL(server.url).port);
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ tables: string }>("SELECT count(*) AS tables FROM information_schema.tables WHERE table_schema = 'public'");
        expect(Number(rows[0]!.tables)).toBe(0);
        await client.query("CREATE TABLE checks (id integer PRIMARY KEY, said text NOT NULL)");
        await client.query("INSERT INTO checks VALUES ($1, $2)", [1, "written"]);
        expect((await client.query("SELECT said FROM checks")).rows).toEqual([{ said: "written" }]);
      } finally {
        await client.end();
      }
      const other = new pg.Client({ connectionString: await server.createDatabase("second") });
      await other.connect();
      expect((await other.query("SELECT current_database() AS name")).rows).toEqual([{ name: "second" }]);
      await other.end();
    } finally {
      await server.stop();
    }
    expect(await listening(port)).toBe(false);
    expect(fs.existsSync(server.folder)).toBe(false);
  });
});
