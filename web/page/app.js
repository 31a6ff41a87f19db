// The page: runs a program in Kestrel under v86 and draws its memory as the
// kernel's -vmtrace lines arrive (memory-model.js keeps the state; this file
// draws it and drives the run). Everything it loads comes from this site:
// programs.json (the list utils/mkweb writes), the kernel, the disk images and
// v86's own files.

import { bootKestrel, STATUS } from "./kestrel-v86.js";
import { MemoryModel, PAGE_SIZE } from "./memory-model.js";
import { V86 } from "./v86/libv86.js";

const USER_BASE = 0x08048000;
const PHYS_BASE = 0xc0000000;
const COLOURS = { untouched: "#eeeeee", resident: "#4caf50", dirty: "#e4572e",
                  swapped: "#3f6fd8", shared: "#f2b134", unknown: "#000000" };
const FAULT_COLOURS = { zero: "#888888", file: "#4caf50", "swap-in": "#3f6fd8",
                        "copy-on-write": "#e4572e", stack: "#9c27b0" };
const KIND_COLOURS = { text: "#fff3c4", rodata: "#fde9d9", data: "#dcedc8", bss: "#d7ecf7",
                       heap: "#ede7f6", mmap: "#e0f2f1", stack: "#fce4ec" };
const DIAG_SHOWN = 3000; // lines kept in the diagnostic pane (all are kept in memory)
const RUN_PLAIN = ["-q"]; // the page adds the trace and the dump itself
const TRACE_OPTIONS = ["-vmtrace", "-mapsdump"];
const FRAME_COLUMNS = 48;
const QUEUE_HIGH = 400; // lines waiting: the emulator waits for the drawing
const QUEUE_LOW = 100;

const $ = (id) => document.getElementById(id);
const ui = {
  program: $("program"), ram: $("ram"), swap: $("swap"), speed: $("speed"), args: $("args"),
  run: $("run"), pause: $("pause"), step: $("step"), stop: $("stop"), about: $("about"),
  status: $("status"), processes: $("processes"), counters: $("counters"), map: $("map"),
  legend: $("legend"), frames: $("frames"), framesNote: $("frames-note"),
  console: $("console"), diag: $("diag"), input: $("input"), tip: $("tip"),
};

// ------------------------------------------------------------------ state

let catalog = [];
const files = new Map(); // url -> Promise of ArrayBuffer, fetched once
let run = null; // the run under way (or the last one)

function fetchOnce(url) {
  if (!files.has(url))
    files.set(url, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status} ${r.statusText}`);
      return r.arrayBuffer();
    }));
  return files.get(url);
}

/** A run: the emulator, the queue of serial text not yet shown, the model. */
class Run {
  constructor(entry, settings) {
    this.entry = entry;
    this.settings = settings;
    this.model = new MemoryModel();
    this.queue = []; // {stream: "console"|"diag", text}
    this.diagPartial = "";
    this.consoleText = "";
    this.diagLines = [];
    this.state = "booting"; // booting, running, paused, ended
    this.end = null; // {status, reason}
    this.paused = false;
    this.stepping = false;
    this.heldBack = false; // the emulator waits for the queue to drain
    this.selected = null; // the Process shown
    this.chosen = false; // the user picked it
    this.fresh = new Set(); // pages changed by the last step
    this.credit = 0;
  }
}

// ------------------------------------------------------------------ catalog

async function loadCatalog() {
  const response = await fetch("programs.json");
  const data = await response.json();
  catalog = data.programs;
  const groups = new Map();
  for (const entry of catalog) {
    const group = entry.featured ? "Demos" : data.suites[entry.suite] || entry.suite;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(entry);
  }
  for (const [label, entries] of groups) {
    const optgroup = document.createElement("optgroup");
    optgroup.label = label;
    for (const entry of entries) {
      const option = document.createElement("option");
      option.value = entry.id;
      option.textContent = entry.featured ? entry.title : entry.name;
      optgroup.append(option);
    }
    ui.program.append(optgroup);
  }
}

function entryFor(id) {
  return catalog.find((e) => e.id === id || e.name === id) || null;
}

/** Fills the controls with ENTRY's settings (as its test runs it). */
function choose(entry) {
  ui.program.value = entry.id;
  setSelect(ui.ram, entry.memory);
  setSelect(ui.swap, entry.swap || 0);
  ui.args.value = entry.args.join(" ");
  ui.about.textContent = entry.about || "";
}

function setSelect(select, value) {
  const text = String(value);
  if (![...select.options].some((o) => o.value === text)) {
    const option = document.createElement("option");
    option.value = text;
    option.textContent = `${text} MB`;
    select.append(option);
  }
  select.value = text;
}

/** Words of a command line, with single quotes grouping, as the kernel splits. */
function splitWords(text) {
  const words = [];
  const re = /'([^']*)'|(\S+)/g;
  let m;
  while ((m = re.exec(text))) words.push(m[1] !== undefined ? m[1] : m[2]);
  return words;
}

// ------------------------------------------------------------------ running

async function start() {
  const entry = entryFor(ui.program.value);
  if (!entry) return;
  if (run && run.state !== "ended") stopRun();
  const settings = { memory: +ui.ram.value, swap: +ui.swap.value,
                     args: splitWords(ui.args.value), speed: +ui.speed.value };
  run = new Run(entry, settings);
  const thisRun = run;
  ui.console.textContent = "";
  ui.diag.textContent = "";
  setStatus("loading", "loading");
  updateButtons();
  let kernel, disk;
  try {
    [kernel, disk] = await Promise.all([fetchOnce("kernel.elf"), fetchOnce(entry.disk)]);
  } catch (e) {
    setStatus(`cannot load: ${e.message}`, "failed");
    thisRun.state = "ended";
    updateButtons();
    return;
  }
  if (run !== thisRun) return;
  const args = RUN_PLAIN.concat(TRACE_OPTIONS,
                                settings.args.filter((a) => !TRACE_OPTIONS.includes(a) && a !== "-q"));
  thisRun.handle = bootKestrel({
    V86,
    wasmPath: "v86/v86.wasm",
    kernel: kernel.slice(0),
    args,
    memoryMB: settings.memory,
    hda: disk.slice(0), // each run gets a fresh disk
    hdb: settings.swap ? new ArrayBuffer(settings.swap * 1024 * 1024) : undefined,
    onConsole: (text) => thisRun.queue.push({ stream: "console", text }),
    onDiag: (text) => thisRun.queue.push({ stream: "diag", text }),
    onEnd: (end) => {
      thisRun.end = end;
      thisRun.queue.push({ stream: "end" });
    },
  });
  thisRun.state = "running";
  ui.input.disabled = false;
  // A test that reads the console: what its spec types, ready to send.
  ui.input.value = entry.stdin ? entry.stdin.replace(/\n$/, "") : "";
  if (entry.stdin) ui.input.focus();
  setStatus("running", "running");
  updateButtons();
  render(true);
}

function stopRun() {
  if (run && run.handle && run.state !== "ended") run.handle.stop();
}

function togglePause() {
  if (!run || run.state === "ended") return;
  run.paused = !run.paused;
  run.stepping = false;
  if (run.paused) {
    run.handle.pause();
    setStatus("paused: Step applies one fault", "paused");
  } else {
    if (!run.heldBack) run.handle.resume();
    setStatus("running", "running");
  }
  updateButtons();
}

/** Applies the queue up to and including the next fault line; if the queue has
    none, lets the emulator run until one comes. */
function stepFault() {
  if (!run || run.state === "ended") return;
  run.fresh.clear();
  if (!run.paused) togglePause();
  if (drain(Infinity, true)) {
    render(true);
    return;
  }
  run.stepping = true;
  run.handle.resume();
}

function setStatus(text, kind) {
  ui.status.textContent = text;
  ui.status.className = `status ${kind || ""}`;
}

function updateButtons() {
  const live = run && run.state !== "ended" && run.handle;
  ui.pause.disabled = !live;
  ui.step.disabled = !live;
  ui.stop.disabled = !live;
  ui.pause.textContent = run && run.paused && live ? "Resume" : "Pause";
  ui.input.disabled = !live;
}

/** Applies queued serial text: at most LIMIT diagnostic lines, or (UNTIL_FAULT)
    up to the first fault line. Returns true if it applied a fault line with
    UNTIL_FAULT. */
function drain(limit, untilFault) {
  let lines = 0;
  while (run.queue.length && lines < limit) {
    const item = run.queue[0];
    if (item.stream === "end") {
      run.queue.shift();
      finish();
      return false;
    }
    if (item.stream === "console") {
      run.queue.shift();
      appendConsole(item.text);
      continue;
    }
    const newline = item.text.indexOf("\n");
    if (newline < 0) {
      run.diagPartial += item.text;
      run.queue.shift();
      continue;
    }
    const line = (run.diagPartial + item.text.slice(0, newline)).replace(/\r$/, "");
    run.diagPartial = "";
    item.text = item.text.slice(newline + 1);
    if (!item.text) run.queue.shift();
    const kind = diagLine(line);
    lines++;
    if (untilFault && kind === "fault") return true;
  }
  return false;
}

function diagLine(line) {
  run.diagLines.push(line);
  if (!run.paused) run.fresh.clear();
  const kind = run.model.feed(line);
  const m = line.match(/^fault (\S+) 0x([0-9a-f]+) /);
  if (m) run.fresh.add(`${m[1]} ${parseInt(m[2], 16)}`);
  if (kind === "fault" || kind === "map") {
    const p = run.model.live.get(line.split(" ")[1]);
    if (p && !run.chosen && (!run.selected || run.selected.exited || run.selected === p))
      run.selected = p;
    else if (p && !run.chosen && run.selected && !run.selected.faults.length) run.selected = p;
  }
  appendDiag(line, kind);
  run.dirty = true;
  return kind;
}

function appendConsole(text) {
  run.consoleText += text;
  ui.console.append(text);
  ui.console.scrollTop = ui.console.scrollHeight;
}

function appendDiag(line, kind) {
  const span = document.createElement("span");
  span.className = kind === "fault" || kind === "evict" || kind === "kill" ? kind : "other";
  span.textContent = line + "\n";
  ui.diag.append(span);
  while (ui.diag.childNodes.length > DIAG_SHOWN) ui.diag.firstChild.remove();
  ui.diag.scrollTop = ui.diag.scrollHeight;
}

function finish() {
  const { status, reason } = run.end;
  run.state = "ended";
  const text = { [STATUS.POWEROFF]: "powered off", [STATUS.PANIC]: "kernel panic",
                 [STATUS.RESET]: "machine reset", [STATUS.STOPPED]: "stopped" }[status] || reason;
  setStatus(text, status === STATUS.POWEROFF ? "" : "failed");
  updateButtons();
  render(true);
}

/** The pump: each animation frame applies what the speed allows, holds the
    emulator back while the drawing lags, and redraws. */
let lastTick = 0;
function tick(now) {
  requestAnimationFrame(tick);
  if (!run || !run.handle) return;
  const elapsed = Math.min(now - lastTick, 250);
  lastTick = now;
  if (!run.paused || run.stepping) {
    const speed = +ui.speed.value;
    let limit = Infinity;
    if (speed > 0 && !run.stepping) {
      run.credit = Math.min(run.credit + (speed * elapsed) / 1000, speed);
      limit = Math.floor(run.credit);
      run.credit -= limit;
    }
    if (run.stepping) {
      if (drain(Infinity, true)) {
        run.stepping = false;
        run.handle.pause();
      }
    } else drain(limit, false);
    const backlog = run.queue.length;
    if (run.state !== "ended" && !run.paused) {
      if (!run.heldBack && backlog > QUEUE_HIGH && speed > 0) {
        run.heldBack = true;
        run.handle.pause();
      } else if (run.heldBack && backlog < QUEUE_LOW) {
        run.heldBack = false;
        run.handle.resume();
      }
    }
  }
  if (run.dirty && now - (run.drawn || 0) > (run.paused ? 0 : 80)) render(false);
}

// ------------------------------------------------------------------ drawing

function svgEl(tag, attrs, text) {
  const parts = Object.entries(attrs).map(([k, v]) => `${k}="${escapeXml(String(v))}"`);
  return `<${tag} ${parts.join(" ")}>${text === undefined ? "" : escapeXml(text)}</${tag}>`;
}

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function hex8(n) {
  return n.toString(16).padStart(8, "0");
}

function humanSize(size) {
  for (const [unit, scale] of [["GB", 1 << 30], ["MB", 1 << 20], ["kB", 1 << 10]])
    if (size >= scale) return size % scale ? `${(size / scale).toFixed(1)} ${unit}` : `${size / scale} ${unit}`;
  return `${size} bytes`;
}

/** The geometry of the picture, for the width the map has. */
function geometry() {
  const narrow = ui.map.clientWidth < 560;
  return { cell: 14, columns: narrow ? 16 : 32, margin: 10, label: narrow ? 112 : 210,
           strip: narrow ? 0 : 180, stripGap: narrow ? 0 : 24, gap: 26, regionMin: 32, narrow };
}

/** The address space of process P as an SVG in utils/layout's form: PHYS_BASE at
    the top, USER_BASE at the bottom, the regions with the gaps between them
    compressed, a cell per page (data-page, data-state as the layout tool writes
    them), and the faults over time beside them. */
function processSvg(p, g) {
  const regions = [...p.regions].sort((a, b) => b.start - a.start);
  const bands = [];
  let y = g.margin + 26;
  let previousStart = PHYS_BASE;
  for (const r of regions) {
    if (r.end < previousStart) {
      bands.push({ kind: "gap", y, height: g.gap, low: r.end, high: previousStart });
      y += g.gap;
    }
    const pages = (r.end - r.start) / PAGE_SIZE;
    const height = Math.max(Math.ceil(pages / g.columns) * g.cell, g.regionMin);
    bands.push({ kind: "region", y, height, region: r });
    y += height + 2;
    previousStart = r.start;
  }
  if (previousStart > USER_BASE) {
    bands.push({ kind: "gap", y, height: g.gap, low: USER_BASE, high: previousStart });
    y += g.gap;
  }
  const cellsX = g.margin + g.label;
  const width = cellsX + g.columns * g.cell + g.stripGap + g.strip + g.margin;
  const height = y + g.margin + 4;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-process="${escapeXml(p.name)}" font-family="DejaVu Sans Mono, monospace">`,
               `<defs><pattern id="gap" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0,8 L8,0" stroke="#dddddd"/></pattern></defs>`,
               `<rect width="100%" height="100%" fill="white"/>`];
  out.push(svgEl("text", { x: g.margin, y: g.margin + 10, "font-size": 12, "font-weight": "bold" },
                 `${p.name}${p.instance > 1 ? ` #${p.instance}` : ""}${p.exited ? ": the address space at exit" : ""}`));
  out.push(svgEl("text", { x: g.margin, y: g.margin + 22, "font-size": 9, fill: "#5d6576" },
                 "0xc0000000 PHYS_BASE"));
  const yOf = new Map(); // page -> y of its row's middle
  for (const band of bands) {
    if (band.kind === "gap") {
      out.push(svgEl("rect", { class: "gap", x: cellsX, y: band.y + 4, width: g.columns * g.cell - 1,
                               height: band.height - 8, fill: "url(#gap)", stroke: "#bbbbbb" }));
      out.push(svgEl("text", { x: cellsX + (g.columns * g.cell) / 2, y: band.y + band.height / 2 + 4,
                               "font-size": 10, "text-anchor": "middle", fill: "#5d6576" },
                     `${humanSize(band.high - band.low)} unmapped`));
      continue;
    }
    const r = band.region;
    const pages = (r.end - r.start) / PAGE_SIZE;
    out.push(svgEl("rect", { class: "region", x: g.margin, y: band.y, width: g.label - 8, height: band.height - 1,
                             fill: KIND_COLOURS[r.kind] || "#f5f5f5", "data-start": `0x${hex8(r.start)}`,
                             "data-end": `0x${hex8(r.end)}`, "data-kind": r.kind, rx: 3 }));
    out.push(svgEl("text", { x: g.margin + 5, y: band.y + 12, "font-size": 11, "font-weight": "bold" },
                   g.narrow ? r.kind : `${r.kind}  ${r.label}`));
    out.push(svgEl("text", { x: g.margin + 5, y: band.y + 25, "font-size": 9, fill: "#3b4252" },
                   g.narrow ? `${hex8(r.start)} ${pages}p` : `${hex8(r.start)}-${hex8(r.end)} ${r.mode}, ${pages} pages`));
    for (let i = 0; i < pages; i++) {
      const address = r.start + i * PAGE_SIZE;
      const page = p.pages.get(address);
      const shown = MemoryModel.shownState(page);
      const live = page ? page.state : "untouched";
      const row = Math.floor(i / g.columns);
      const x = cellsX + (i % g.columns) * g.cell;
      const cy = band.y + band.height - (row + 1) * g.cell;
      yOf.set(address, cy + g.cell / 2);
      const shared = page && shown === "resident" && (page.dumpState ? page.sharedAtExit : page.object);
      const attrs = { class: "page", x, y: cy, width: g.cell - 1, height: g.cell - 1,
                      fill: shared ? COLOURS.shared : COLOURS[shown] || COLOURS.unknown,
                      "data-page": `0x${hex8(address)}`, "data-state": shown, "data-live": live };
      if (page && page.object) attrs["data-shared"] = page.object;
      if (page && page.dumpState && page.dumpState !== live) attrs["data-differs"] = "1";
      if (run.paused && run.fresh.has(`${p.name} ${address}`)) {
        // What the last step changed.
        attrs.stroke = "#1d2330";
        attrs["stroke-width"] = 2;
      }
      out.push(svgEl("rect", attrs));
      if (page && page.dumpState && page.dumpState !== live)
        out.push(svgEl("circle", { cx: x + g.cell / 2 - 0.5, cy: cy + g.cell / 2 - 0.5, r: 2, fill: "#ffffff" }));
    }
  }
  if (g.strip) {
    const stripX = cellsX + g.columns * g.cell + g.stripGap;
    out.push(svgEl("line", { x1: stripX, y1: g.margin + 26, x2: stripX, y2: height - g.margin, stroke: "#999999" }));
    out.push(svgEl("text", { x: stripX, y: g.margin + 22, "font-size": 10, fill: "#5d6576" },
                   `faults over time (${p.faults.length}) \u2192`));
    const shown = p.faults.filter((f) => yOf.has(f.page));
    shown.forEach((f, n) => {
      const x = stripX + 4 + Math.round((n * (g.strip - 8)) / Math.max(shown.length - 1, 1));
      out.push(svgEl("circle", { class: "fault", cx: x, cy: yOf.get(f.page), r: 3.5,
                                 fill: FAULT_COLOURS[f.how] || "#555555",
                                 "data-page": `0x${hex8(f.page)}`, "data-number": f.number, "data-how": f.how }));
    });
  }
  out.push(svgEl("text", { x: g.margin, y: height - 2, "font-size": 9, fill: "#5d6576" },
                 "0x08048000 USER_BASE"));
  out.push("</svg>");
  return out.join("\n");
}

/** The frame table as a strip: a cell per user frame, coloured by who holds it. */
function framesSvg(model) {
  // Once the run is over, the frames as the last process left them.
  const frames = run.state === "ended" && model.framesAtExit ? model.framesAtExit : model.frames;
  const n = model.frameCount;
  const columns = Math.min(FRAME_COLUMNS, Math.max(n, 1));
  const cell = 12;
  const rows = Math.ceil(n / columns);
  const width = columns * cell + 2;
  const height = rows * cell + 2;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`];
  for (let i = 0; i < n; i++) {
    const owner = frames[i];
    let fill = "#f0f1f4";
    let stroke = "none";
    if (owner && owner.object) {
      fill = COLOURS.shared;
    } else if (owner) fill = processColour(owner.process);
    if (run.selected && owner && owner.process === run.selected.name) stroke = "#1d233066";
    out.push(svgEl("rect", { class: "frame", x: 1 + (i % columns) * cell, y: 1 + Math.floor(i / columns) * cell,
                             width: cell - 2, height: cell - 2, rx: 2, fill, stroke, "data-frame": i }));
  }
  out.push("</svg>");
  return out.join("");
}

const processHues = new Map();
function processColour(name) {
  if (!processHues.has(name)) processHues.set(name, (processHues.size * 137 + 200) % 360);
  return `hsl(${processHues.get(name)} 55% 55%)`;
}

function renderCounters(model) {
  const c = model.counts;
  const atExit = run.state === "ended" && model.framesAtExit;
  const used = (atExit || model.frames).filter(Boolean).length;
  const items = [
    [c.faults, "page faults", Object.entries(c.byHow).map(([k, v]) => `${v} ${k}`).join(", ")],
    [c.evictions, "evictions", `${c.toSwap} to swap, ${c.dropped} dropped, ${c.writtenBack} written back`],
    [model.swapSlots ? `${c.swapUsed}/${model.swapSlots}` : "none", "swap slots in use", `peak ${c.swapPeak}`],
    [model.frameCount ? `${used}/${model.frameCount}` : "-", atExit ? "frames in use at exit" : "frames in use", "of the user pool"],
  ];
  ui.counters.innerHTML = items.map(([v, label, detail]) =>
    `<div class="counter"><b>${escapeXml(String(v))}</b><span>${label}</span><small>${escapeXml(detail)}</small></div>`).join("");
}

function renderTabs(model) {
  const names = model.processes.map((p, i) =>
    `<button type="button" role="tab" data-index="${i}" aria-selected="${p === run.selected}" class="${p.exited ? "exited" : ""}" style="border-left: 4px solid ${processColour(p.name)}">${escapeXml(p.name)}${p.instance > 1 ? ` #${p.instance}` : ""}</button>`);
  ui.processes.innerHTML = names.join("");
}

function render() {
  if (!run) return;
  run.drawn = performance.now();
  run.dirty = false;
  const model = run.model;
  renderCounters(model);
  renderTabs(model);
  if (run.selected) ui.map.innerHTML = processSvg(run.selected, geometry());
  else if (run.state !== "booting") ui.map.innerHTML = `<p class="hint">Booting: the map appears with the first process.</p>`;
  ui.frames.innerHTML = model.frameCount ? framesSvg(model) : "";
  ui.framesNote.textContent = !model.frameCount ? ""
    : `${model.frameCount} frames of the user pool${run.state === "ended" && model.framesAtExit ? ", as the last process to exit left them" : ""}: a colour per process, amber a file's cached page`;
}

function renderLegend() {
  const states = [["untouched", "never touched"], ["resident", "resident"], ["dirty", "dirty"],
                  ["swapped", "in swap"], ["shared", "a file's shared page"]];
  const faults = Object.entries(FAULT_COLOURS);
  ui.legend.innerHTML = states.map(([k, t]) => `<span><i style="background:${COLOURS[k]}"></i>${t}</span>`).join("")
    + faults.map(([k, c]) => `<span><i style="background:${c};border-radius:50%"></i>${k} fault</span>`).join("")
    + `<span><i style="background:${COLOURS.dirty};box-shadow:inset 0 0 0 3px ${COLOURS.dirty}, inset 0 0 0 5px #fff"></i>dot: the dump differs from the trace</span>`;
}

// ------------------------------------------------------------------ hovering

function describePage(p, address) {
  const region = p.region(address);
  const page = p.pages.get(address);
  const lines = [`${p.name}: page 0x${hex8(address)}`];
  if (region) {
    const index = (address - region.start) / PAGE_SIZE;
    lines.push(`region: ${region.kind} ${region.label} (${hex8(region.start)}-${hex8(region.end)} ${region.mode})`);
    if (region.label !== "[anon]" && region.label !== "[heap]" && region.label !== "[stack]")
      lines.push(`file offset: 0x${(region.offset + index * PAGE_SIZE).toString(16)}`);
  }
  const state = page ? page.state : "untouched";
  lines.push(`state: ${state}${page && page.object ? `, the file's cached page ${page.object} (${run.model.sharers(page.object)} mapping it)` : ""}`);
  if (page && page.frame !== null && page.state !== "swapped" && page.state !== "untouched") lines.push(`frame: ${page.frame}`);
  if (page && page.slot !== null && page.state === "swapped") lines.push(`swap slot: ${page.slot}`);
  if (page && page.dumpState) {
    lines.push(`at exit (-mapsdump): ${page.dumpState}`);
    if (page.dumpState === "dirty" && state === "resident")
      lines.push("written after it came in, without a fault: its PTE was writable, so the CPU set the dirty bit");
  }
  lines.push(page && page.fault ? `brought in by fault #${page.faultNumber + 1}: ${page.fault}` : "no fault has touched it");
  if (page && page.history.length > 1) lines.push(`last: ${page.history[page.history.length - 1]}`);
  return lines.join("\n");
}

function describeFrame(i) {
  const model = run.model;
  const owner = (run.state === "ended" && model.framesAtExit ? model.framesAtExit : model.frames)[i];
  if (!owner) return `frame ${i}: free`;
  if (owner.object) return `frame ${i}: ${owner.object}, a file's cached page\n${run.model.sharers(owner.object)} page(s) map it`;
  return `frame ${i}: ${owner.process} page 0x${hex8(owner.page)}`;
}

function showTip(event, text) {
  ui.tip.textContent = text;
  ui.tip.hidden = false;
  const x = Math.min(event.clientX + 14, window.innerWidth - ui.tip.offsetWidth - 8);
  const y = event.clientY + 16 + ui.tip.offsetHeight > window.innerHeight
    ? event.clientY - ui.tip.offsetHeight - 10 : event.clientY + 16;
  ui.tip.style.left = `${Math.max(4, x)}px`;
  ui.tip.style.top = `${Math.max(4, y)}px`;
}

function onHover(event) {
  if (!run) return;
  const t = event.target;
  if (t.dataset && t.dataset.page && run.selected && t.classList.contains("page"))
    showTip(event, describePage(run.selected, parseInt(t.dataset.page, 16)));
  else if (t.dataset && t.dataset.page && run.selected && t.classList.contains("fault")) {
    const f = run.selected.faults[+t.dataset.number];
    showTip(event, `fault #${f.number + 1}\n${f.line}`);
  } else if (t.dataset && t.dataset.frame !== undefined) showTip(event, describeFrame(+t.dataset.frame));
  else ui.tip.hidden = true;
}

// ------------------------------------------------------------------ wiring

function wire() {
  ui.program.addEventListener("change", () => choose(entryFor(ui.program.value)));
  $("controls").addEventListener("submit", (e) => {
    e.preventDefault();
    start();
  });
  ui.pause.addEventListener("click", togglePause);
  ui.step.addEventListener("click", stepFault);
  ui.stop.addEventListener("click", stopRun);
  $("input-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (!run || run.state === "ended") return;
    const text = ui.input.value + "\n";
    run.handle.input(text);
    const echo = document.createElement("span");
    echo.className = "typed";
    echo.textContent = text;
    ui.console.append(echo);
    ui.input.value = "";
  });
  ui.processes.addEventListener("click", (e) => {
    const b = e.target.closest("button");
    if (!b || !run) return;
    run.selected = run.model.processes[+b.dataset.index];
    run.chosen = true;
    render();
  });
  for (const el of [ui.map, ui.frames]) {
    el.addEventListener("mousemove", onHover);
    el.addEventListener("mouseleave", () => (ui.tip.hidden = true));
    el.addEventListener("click", onHover); // a tap on a phone
  }
  window.addEventListener("resize", () => run && render());
}

/** The page's state, for tests and for the curious (kestrelPage in the console). */
window.kestrelPage = {
  get state() { return run ? run.state : "idle"; },
  get end() { return run ? run.end : null; },
  consoleText: () => (run ? run.consoleText : ""),
  diagText: () => (run ? run.diagLines.join("\n") + (run.diagLines.length ? "\n" : "") : ""),
  processes: () => (run ? run.model.processes.map((p) => p.name) : []),
  /** The SVG of process NAME's address space, as utils/layout would check it. */
  svg(name) {
    const p = run.model.processes.find((q) => q.name === name);
    return p ? processSvg(p, { ...geometry(), columns: 32, label: 210, strip: 180, stripGap: 24, narrow: false }) : null;
  },
  select(name) {
    run.selected = run.model.processes.find((q) => q.name === name) || run.selected;
    run.chosen = true;
    render();
  },
};

async function main() {
  renderLegend();
  wire();
  try {
    await loadCatalog();
  } catch (e) {
    setStatus(`cannot load the program list: ${e.message}`, "failed");
    return;
  }
  const params = new URLSearchParams(location.search);
  const wanted = entryFor(params.get("run") || params.get("program") || "") || catalog[0];
  choose(wanted);
  if (params.get("ram")) setSelect(ui.ram, +params.get("ram"));
  if (params.get("swap")) setSelect(ui.swap, +params.get("swap"));
  if (params.get("speed")) ui.speed.value = params.get("speed");
  if (params.get("args")) ui.args.value = params.get("args");
  requestAnimationFrame(tick);
  if (params.get("run")) start();
  if ("serviceWorker" in navigator && location.protocol !== "file:")
    navigator.serviceWorker.register("sw.js").then(
      () => ($("offline-note").textContent = "This page works offline once loaded."),
      () => {});
}

main();
