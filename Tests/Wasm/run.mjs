// Runs the engine's WebAssembly probe under node: prints the probe's lines (the same as the
// native `engine-probe` prints, which Tests/Wasm/run.sh compares them with), or, given
// `time STEPS REPEAT`, the best time of REPEAT calls of the XOR training for STEPS steps, or,
// given `language`, what the interpreter in the module gives for the blocks on standard input.
//
//   node Tests/Wasm/run.mjs MODULE.wasm [time STEPS REPEAT | language]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { webcrypto as crypto } from "node:crypto";

const [path, mode, steps, repeats] = process.argv.slice(2);
const bytes = readFileSync(path);
// The module's WASI calls are the clock (the time budget) and random bytes; any other it grows is answered
// with "not supported" (52, ENOSYS) rather than failing the instantiation.
let memory;
const clock = (id, precision, out) => {
  new DataView(memory.buffer).setBigUint64(out, process.hrtime.bigint(), true);
  return 0;
};
// Swift's hashing seeds itself from random bytes once.
const random = (pointer, length) => {
  crypto.getRandomValues(new Uint8Array(memory.buffer, pointer, length));
  return 0;
};
const wasi = new Proxy({}, {
  get: (_, name) => name === "clock_time_get" ? clock : name === "random_get" ? random
    : name === "proc_exit" ? (code) => { throw new Error(`exit ${code}`); } : () => 52,
});
const { instance } = await WebAssembly.instantiate(bytes, { wasi_snapshot_preview1: wasi });
memory = instance.exports.memory;
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
} else if (mode === "language") {
  // The blocks on standard input, run by the interpreter in the module (LanguageProbe).
  const input = readFileSync(0);
  const pointer = exports.probe_input(input.length);
  new Uint8Array(exports.memory.buffer, pointer, input.length).set(input);
  const length = exports.probe_language(input.length);
  process.stdout.write(new TextDecoder().decode(new Uint8Array(exports.memory.buffer, exports.probe_output(), length)));
} else {
  const length = exports.probe_run();
  const text = new TextDecoder().decode(new Uint8Array(exports.memory.buffer, exports.probe_output(), length));
  process.stdout.write(text);
}
