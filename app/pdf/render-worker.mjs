// Worker thread entry for the PDF pool (piscina): teach this thread TypeScript (as tsx does for
// the server), then hand piscina the renderer.
import { register } from "tsx/esm/api";

register();
const { default: render } = await import("./render-worker.ts");
export default render;
