// Worker thread entry: teach this thread TypeScript (as tsx does for the server), then start the renderer.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
