#!/usr/bin/env node
// run-v86: boots Kestrel once in v86 under Node.js, as utils/kestrel does under
// QEMU, for the v86 tests (utils/v86check) and the benchmarks (utils/bench).
//
// usage: node web/run-v86.mjs [--kernel=ELF] [--memory=MB] [--hda=IMAGE]
//                             [--hdb=IMAGE] [--timeout=SECONDS] [--stdin=TEXT]
//                             [--diag-file=PATH] -- KERNEL-ARGS...
//
// The console (COM1) goes to stdout byte for byte, plus a marker line as the
// runner prints one (TIMEOUT, RESET); the diagnostic stream (COM2) to
// --diag-file, unmarked, and to stderr with each line marked `[diag] `. The disk
// images are used in place: whatever the kernel writes is in them after the
// run. Exits with the runner's statuses: 0 power-off, 1 failure, 2 panic,
// 3 reset, 4 timeout.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bootKestrel, STATUS } from "./page/kestrel-v86.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const V86_BUILD = path.join(HERE, "node_modules", "v86", "build");
const DIAG_MARK = "[diag] ";
// Console input is sent once the kernel takes it (its serial interrupt is on by
// then): QEMU holds its stdin back until the guest reads, v86 drops what comes
// before the UART is set up.
const READY_LINE = "Boot complete.\n";

function usage(message) {
  process.stderr.write(`run-v86: ${message}\n`);
  process.exit(STATUS.FAILURE);
}

function parse(argv) {
  const opts = {
    kernel: path.join(HERE, "..", "build", "kernel.elf"),
    memory: 4,
    timeout: 60,
    stdin: "",
    args: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      opts.args = argv.slice(i + 1);
      break;
    }
    const [name, ...rest] = arg.split("=");
    const value = rest.join("=");
    if (!rest.length) usage(`bad option ${arg}`);
    if (name === "--kernel") opts.kernel = value;
    else if (name === "--memory") opts.memory = Number(value);
    else if (name === "--timeout") opts.timeout = Number(value);
    else if (name === "--hda") opts.hda = value;
    else if (name === "--hdb") opts.hdb = value;
    else if (name === "--stdin") opts.stdin = value;
    else if (name === "--diag-file") opts.diagFile = value;
    else usage(`unknown option ${name}`);
  }
  return opts;
}

/** The whole of file PATH as an ArrayBuffer of its own. */
function readBuffer(file) {
  const bytes = fs.readFileSync(file);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
}

async function main() {
  const opts = parse(process.argv.slice(2));
  let libv86;
  try {
    libv86 = await import(path.join(V86_BUILD, "libv86.mjs"));
  } catch (e) {
    usage(`v86 is not installed (npm ci in web/): ${e.message}`);
  }
  const disks = {};
  for (const name of ["hda", "hdb"])
    if (opts[name]) disks[name] = readBuffer(opts[name]);
  const diagFile = opts.diagFile ? fs.openSync(opts.diagFile, "w") : null;
  let diagLine = "";
  let consoleOpen = false; // a console line is unfinished
  let consoleSoFar = ""; // until the input is sent
  let inputSent = !opts.stdin;

  const run = bootKestrel({
    V86: libv86.V86,
    wasmPath: path.join(V86_BUILD, "v86.wasm"),
    kernel: readBuffer(opts.kernel),
    args: opts.args,
    memoryMB: opts.memory,
    ...disks,
    onConsole(text) {
      process.stdout.write(text);
      consoleOpen = !text.endsWith("\n");
      if (!inputSent) {
        consoleSoFar += text;
        if (consoleSoFar.includes(READY_LINE)) {
          inputSent = true;
          run.input(opts.stdin);
        }
      }
    },
    onDiag(text) {
      if (diagFile !== null) fs.writeSync(diagFile, text);
      const lines = (diagLine + text).split("\n");
      diagLine = lines.pop();
      for (const line of lines)
        process.stderr.write(DIAG_MARK + line.replace(/\r$/, "") + "\n");
    },
    onEnd({ status, reason }) {
      clearTimeout(timer);
      if (diagLine) process.stderr.write(DIAG_MARK + diagLine + "\n");
      if (diagFile !== null) fs.closeSync(diagFile);
      for (const name of Object.keys(disks))
        fs.writeFileSync(opts[name], Buffer.from(disks[name]));
      if (status === STATUS.TIMEOUT || status === STATUS.RESET)
        process.stdout.write((consoleOpen ? "\n" : "") + reason + "\n");
      else if (status === STATUS.FAILURE)
        process.stderr.write(`run-v86: the run ended: ${reason}\n`);
      run.emulator.destroy();
      // Let stdout drain before leaving.
      process.stdout.write("", () => process.exit(status));
    },
  });
  const timer = setTimeout(() => run.timeout(), opts.timeout * 1000);
}

main();
