// Times a notebook's blocks in the live module under node, as a page runs them: prints one
// JSON line with the time to instantiate the module and load the page's program, the first
// block's run, and per-block medians of two kinds of run: a block whose state before it is
// kept (the reader runs the blocks in order), and a block run again (its state rebuilt by
// running the blocks before it: the reader edited it and pressed Run).
//
//   node bench/live.mjs CHAINRULE MODULE NOTEBOOK
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { webcrypto as crypto } from "node:crypto";

const [chainrule, modulePath, notebook] = process.argv.slice(2);
const program = JSON.parse(execFileSync(chainrule, ["run", "--program", notebook], { encoding: "utf8", maxBuffer: 1 << 30 }));
delete program.source;
delete program.notebook;
let memory;
const wasi = new Proxy({}, {
  get: (_, name) => ({
    clock_time_get: (id, precision, out) => { new DataView(memory.buffer).setBigUint64(out, process.hrtime.bigint(), true); return 0; },
    random_get: (pointer, length) => { crypto.getRandomValues(new Uint8Array(memory.buffer, pointer, length)); return 0; },
  })[name] ?? (() => 52),
});
const start = performance.now();
const bytes = readFileSync(modulePath);
const { instance } = await WebAssembly.instantiate(bytes, { wasi_snapshot_preview1: wasi });
const live = instance.exports;
memory = live.memory;
live._initialize();
function call(request) {
  const text = new TextEncoder().encode(JSON.stringify(request));
  const pointer = live.live_input(text.length);
  new Uint8Array(memory.buffer, pointer, text.length).set(text);
  const length = live.live_call(text.length);
  return JSON.parse(new TextDecoder().decode(new Uint8Array(memory.buffer, live.live_output(), length)));
}
call({ load: program });
const loaded = performance.now() - start;
const timed = (request) => {
  const begin = performance.now();
  const answer = call(request);
  if (answer.error) throw new Error(answer.error);
  return performance.now() - begin;
};
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const count = program.blocks.length;
const first = timed({ run: 0 });
const inOrder = [first];
for (let k = 1; k < count; k++) inOrder.push(timed({ run: k }));
// Run block k, then run it again: its state must be rebuilt (the blocks before it run again).
const again = [];
for (let k = 0; k < count; k++) {
  timed({ run: k });
  again.push(timed({ run: k }));
}
console.log(JSON.stringify({
  notebook, blocks: count, load_ms: loaded, first_ms: first, whole_ms: inOrder.reduce((a, b) => a + b, 0),
  in_order_median_ms: median(inOrder), again_median_ms: median(again), again_max_ms: Math.max(...again),
}));
