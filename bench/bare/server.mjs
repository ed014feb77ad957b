// Serves the bare reference app (bench/bare/remix.config.js) on PORT with express and Remix's
// express adapter, nothing else: the ceiling a Remix page on this machine can reach.
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { fileURLToPath } from "node:url";

const build = await import("./build/index.js");
const app = express();
app.use("/build", express.static(fileURLToPath(new URL("./public/build", import.meta.url)), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`Bare Remix listening on ${server.address().port}`));
