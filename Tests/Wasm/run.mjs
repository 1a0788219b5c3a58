// Runs the engine's WebAssembly probe under node: prints the probe's lines (the same as the
// native `engine-probe` prints, which Tests/Wasm/run.sh compares them with), or, given
// `time STEPS REPEAT`, the best time of REPEAT calls of the XOR training for STEPS steps.
//
//   node Tests/Wasm/run.mjs MODULE.wasm [time STEPS REPEAT]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [path, mode, steps, repeats] = process.argv.slice(2);
const bytes = readFileSync(path);
// The module imports nothing today; any WASI call it grows is answered with "not supported"
// (52, ENOSYS) rather than failing the instantiation.
const wasi = new Proxy({}, { get: (_, name) => name === "proc_exit" ? (code) => { throw new Error(`exit ${code}`); } : () => 52 });
const { instance } = await WebAssembly.instantiate(bytes, { wasi_snapshot_preview1: wasi });
const exports = instance.exports;
exports._initialize?.();

if (mode === "time") {
  let best = Infinity, loss = 0;
  for (let i = 0; i < Number(repeats); i++) {
    const start = performance.now();
    loss = exports.probe_train_xor(Number(steps));
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  const bits = Buffer.alloc(8);
  bits.writeDoubleBE(loss);
  console.log(`wasm xor ${steps} steps: best of ${repeats} ${best} s (loss ${bits.toString("hex")})`);
} else {
  const length = exports.probe_run();
  const text = new TextDecoder().decode(new Uint8Array(exports.memory.buffer, exports.probe_output(), length));
  process.stdout.write(text);
}
