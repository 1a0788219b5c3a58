// Runs a notebook entirely in the WebAssembly module, as a page does, and prints what
// `chainrule run NOTEBOOK` prints: every block's output on stdout (under `==> FILE:LINE <==`
// headers when several blocks show something), diagnostics on stderr, exit status 1 when the
// notebook fails.
//
//   node Tests/Live/run.mjs NOTEBOOK [--chainrule BIN] [--module chainrule-live.wasm]
//
// The notebook's Markdown is read natively, by `chainrule run --program` (cmark, as the build
// reads it for a page); from the program on, everything runs in the module: the blocks, the
// engine, the records and the diagnostics.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { webcrypto as crypto } from "node:crypto";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const chainrule = option("--chainrule", ".build/release/chainrule");
const modulePath = option("--module", ".build/wasm/chainrule-live.wasm");
const [notebook] = args;
if (!notebook) {
  console.error("usage: node Tests/Live/run.mjs NOTEBOOK [--chainrule BIN] [--module MODULE]");
  process.exit(2);
}

const program = JSON.parse(execFileSync(chainrule, ["run", "--program", notebook], { encoding: "utf8", maxBuffer: 1 << 30 }));

// The module's WASI calls: the clock (the time budget) and random bytes (Swift's hashing
// seed); anything else is "not supported" (52, ENOSYS).
let memory;
const wasi = new Proxy({}, {
  get: (_, name) => ({
    clock_time_get: (id, precision, out) => {
      new DataView(memory.buffer).setBigUint64(out, process.hrtime.bigint(), true);
      return 0;
    },
    random_get: (pointer, length) => {
      crypto.getRandomValues(new Uint8Array(memory.buffer, pointer, length));
      return 0;
    },
  })[name] ?? (() => 52),
});
const { instance } = await WebAssembly.instantiate(readFileSync(modulePath), { wasi_snapshot_preview1: wasi });
const live = instance.exports;
memory = live.memory;
live._initialize();

function call(request) {
  const bytes = new TextEncoder().encode(JSON.stringify(request));
  // The call may grow the memory, which detaches the old buffer: read it after.
  const pointer = live.live_input(bytes.length);
  new Uint8Array(memory.buffer, pointer, bytes.length).set(bytes);
  const length = live.live_call(bytes.length);
  const answer = JSON.parse(new TextDecoder().decode(new Uint8Array(memory.buffer, live.live_output(), length)));
  if (answer.error) throw new Error(answer.error);
  return answer;
}

call({ load: program });
const blocks = program.blocks.length === 0 ? [] : call({ run: program.blocks.length - 1 }).blocks;
const shown = blocks.filter((block) => block.text !== null);
shown.forEach((block, position) => {
  if (shown.length > 1) {
    process.stdout.write((position > 0 ? "\n" : "") + `==> ${notebook}:${program.blocks[block.index].fence} <==\n`);
  }
  process.stdout.write(block.text + "\n");
});
// The notebook's own problems (its front matter, the lint of its page), as the CLI found them,
// around what its blocks report.
const problems = program.notebook ?? { before: "", after: "", fail: false };
process.stderr.write(problems.before + blocks.map((block) => block.diagnostics).join("") + problems.after);
process.exitCode = problems.fail || blocks.some((block) => block.failsNotebook) ? 1 : 0;
