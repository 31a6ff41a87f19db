// memory-model: what the kernel's -vmtrace and -mapsdump lines say about memory,
// kept up to date one line at a time, for the page to draw. The lines are those
// README.md and vm/README.md describe:
//
//   vm: 361 user frames, 1024 swap slots
//   map NAME 08048000-0804c000 r-xp 00000000 text memory-layout
//   unmap NAME 08048000-0804c000
//   frame 3: NAME 0x0804c000 | frame 3: FILE+0x00004000 | frame 3: free
//   fault NAME 0x0804c000 write user: file memory-layout+0x4000
//   evict NAME 0x0804c000 -> swap slot 7 | evict NAME 0x...: dropped clean zero page
//   evict FILE+0x4000: written back to the file
//   maps: NAME: at exit (...), then its region and page lines
//
// A page's state: untouched (never touched, or dropped), resident, dirty (written
// through a fault: a write fault, a copy-on-write), swapped, and whether its frame
// is a file's cached page (shared). A page written after a read fault changes no
// PTE the kernel sees until the dump, which then tells (the page records both).

const PAGE = 4096;

const RE = {
  vm: /^vm: (\d+) user frames, (\d+) swap slots$/,
  map: /^map (\S+) ([0-9a-f]{8})-([0-9a-f]{8}) (\S{4}) ([0-9a-f]{8}) (\S+) (.+)$/,
  unmap: /^unmap (\S+) ([0-9a-f]{8})-([0-9a-f]{8})$/,
  frameFree: /^frame (\d+): free$/,
  frameProcess: /^frame (\d+): (\S+) 0x([0-9a-f]{8})$/,
  frameFile: /^frame (\d+): (\S+)\+0x([0-9a-f]+)$/,
  fault: /^fault (\S+) 0x([0-9a-f]+) (\w+) (\w+): (.*)$/,
  evictSwap: /^evict (\S+) 0x([0-9a-f]+) -> swap slot (\d+)$/,
  evictDrop: /^evict (\S+) 0x([0-9a-f]+): dropped clean (\w+) page$/,
  evictFile: /^evict (\S+)\+0x([0-9a-f]+): (.*)$/,
  dumpStart: /^maps: (\S+): at exit /,
  dumpRegion:
    /^maps: (\S+): ([0-9a-f]{8})-([0-9a-f]{8}) (\S{4}) ([0-9a-f]{8}) (\S+) (.+?): (\d+) pages, /,
  dumpPages: /^maps: (\S+):   ([0-9a-f]{8}) ([RDSrs.?]+)$/,
  kill: /^kill: (\S+): (.*)$/,
};

export const DUMP_STATES = { R: "resident", D: "dirty", S: "swapped", r: "resident", s: "swapped",
                             ".": "untouched", "?": "unknown" };

/** The key of page INDEX (a byte offset) of file FILE in the page cache. */
function objectKey(file, offset) {
  return `${file}+0x${offset.toString(16)}`;
}

function hex8(n) {
  return n.toString(16).padStart(8, "0");
}

/** One process's address space as the trace shows it. */
class Process {
  constructor(name, instance) {
    this.name = name;
    this.instance = instance; // the how-manyth process of this name
    this.regions = []; // {start, end, mode, offset, kind, label}, any order
    this.pages = new Map(); // page address -> Page
    this.faults = []; // {page, how, number}, in order
    this.dumped = false; // its maps dump (at exit) has been read
    this.exited = false;
    this.killed = null; // why, if the kernel ended it
  }

  region(address) {
    return this.regions.find((r) => r.start <= address && address < r.end) || null;
  }

  page(address) {
    let p = this.pages.get(address);
    if (!p) {
      p = { address, state: "untouched", frame: null, slot: null, object: null,
            dirty: false, fault: null, faultNumber: null, dumpState: null, history: [] };
      this.pages.set(address, p);
    }
    return p;
  }
}

export class MemoryModel {
  constructor() {
    this.frameCount = 0;
    this.swapSlots = 0;
    this.frames = []; // index -> null | {process, page} | {object}
    this.processes = []; // every Process, oldest first
    this.live = new Map(); // name -> the Process of that name now running
    this.objects = new Map(); // object key -> {frame, mappers: Set of Page}
    this.pending = new Map(); // "name page" -> frame just given for that page
    this.counts = { faults: 0, byHow: {}, kills: 0, evictions: 0, toSwap: 0,
                    dropped: 0, writtenBack: 0, swapUsed: 0, swapPeak: 0 };
    this.lineNumber = 0;
    this.dumping = null; // the Process whose dump is being read
    this.framesAtExit = null; // the frame table when the latest dump began
  }

  /** The Process called NAME that is running (a new one if none is). */
  process(name) {
    let p = this.live.get(name);
    if (!p || p.exited) {
      const instance = this.processes.filter((q) => q.name === name).length + 1;
      p = new Process(name, instance);
      this.processes.push(p);
      this.live.set(name, p);
    }
    return p;
  }

  /** Takes one diagnostic line; returns its kind ("fault", "map", ...) or null
      for a line that says nothing about memory. */
  feed(line) {
    this.lineNumber++;
    let m;
    if (this.dumping && (m = line.match(RE.dumpRegion)) && m[1] === this.dumping.name)
      return this.dumpRegion(this.dumping, m);
    if (this.dumping && (m = line.match(RE.dumpPages)) && m[1] === this.dumping.name)
      return this.dumpPages(this.dumping, m);
    this.dumping = null;
    if ((m = line.match(RE.fault))) return this.fault(m, line);
    if ((m = line.match(RE.frameProcess))) return this.frameToProcess(+m[1], m[2], parseInt(m[3], 16));
    if ((m = line.match(RE.frameFile))) return this.frameToObject(+m[1], objectKey(m[2], parseInt(m[3], 16)));
    if ((m = line.match(RE.frameFree))) return this.frameFree(+m[1]);
    if ((m = line.match(RE.evictSwap))) return this.evictToSwap(m[1], parseInt(m[2], 16), +m[3]);
    if ((m = line.match(RE.evictDrop))) return this.evictDrop(m[1], parseInt(m[2], 16), m[3]);
    if ((m = line.match(RE.evictFile))) return this.evictObject(objectKey(m[1], parseInt(m[2], 16)), m[3]);
    if ((m = line.match(RE.map))) return this.map(m);
    if ((m = line.match(RE.unmap))) return this.unmap(m[1], parseInt(m[2], 16), parseInt(m[3], 16));
    if ((m = line.match(RE.dumpStart))) {
      this.dumping = this.process(m[1]);
      this.dumping.dumped = true;
      this.framesAtExit = this.frames.slice();
      return "dump";
    }
    if ((m = line.match(RE.vm))) {
      this.frameCount = +m[1];
      this.swapSlots = +m[2];
      this.frames = new Array(this.frameCount).fill(null);
      return "vm";
    }
    if ((m = line.match(RE.kill))) {
      const p = this.live.get(m[1]);
      if (p) p.killed = m[2];
      this.counts.kills++;
      return "kill";
    }
    return null;
  }

  map(m) {
    const p = this.process(m[1]);
    const region = { start: parseInt(m[2], 16), end: parseInt(m[3], 16), mode: m[4],
                     offset: parseInt(m[5], 16), kind: m[6], label: m[7] };
    // A region that grows (heap, stack) keeps one end: the same region again.
    const old = p.regions.find((r) => r.kind === region.kind && r.label === region.label &&
                                      (r.start === region.start || r.end === region.end));
    if (old) {
      for (const page of [...p.pages.keys()])
        if (page >= old.start && page < old.end && !(page >= region.start && page < region.end))
          p.pages.delete(page);
      Object.assign(old, region);
    } else p.regions.push(region);
    return "map";
  }

  unmap(name, start, end) {
    const p = this.live.get(name);
    if (!p) return "unmap";
    for (const [address, page] of p.pages)
      if (address >= start && address < end) {
        if (page.state === "swapped") this.counts.swapUsed--; // the slot is freed
        this.detach(page);
      }
    if (p.dumped) {
      // Its exit: the picture stays as the dump left it.
      for (const r of p.regions) if (r.start === start) r.gone = true;
      p.exited = p.regions.every((r) => r.gone);
    } else {
      p.regions = p.regions.filter((r) => r.start !== start);
      for (const address of [...p.pages.keys()])
        if (address >= start && address < end) p.pages.delete(address);
    }
    return "unmap";
  }

  frameToProcess(frame, name, page) {
    this.frames[frame] = { process: name, page };
    this.pending.set(`${name} ${page}`, frame);
    return "frame";
  }

  frameToObject(frame, key) {
    this.frames[frame] = { object: key };
    let o = this.objects.get(key);
    if (!o) this.objects.set(key, (o = { frame, mappers: new Set() }));
    o.frame = frame;
    return "frame";
  }

  frameFree(frame) {
    const owner = this.frames[frame];
    this.frames[frame] = null;
    if (owner && owner.object) this.objects.delete(owner.object);
    else if (owner) {
      const p = this.live.get(owner.process);
      const page = p && p.pages.get(owner.page);
      // Freed under a page still shown (a heap that shrank): it is gone.
      if (page && page.frame === frame && !p.dumped) {
        page.state = "untouched";
        page.frame = null;
      }
    }
    return "frame";
  }

  /** Stops PAGE being one of its object's mappers. */
  detach(page) {
    if (page.object) {
      const o = this.objects.get(page.object);
      if (o) o.mappers.delete(page);
      page.object = null;
    }
  }

  fault(m, line) {
    const [, name, pageHex, access, mode, resolution] = m;
    const p = this.process(name);
    const address = parseInt(pageHex, 16);
    const page = p.page(address);
    const how = resolution.startsWith("killed:") ? "killed" : resolution.split(" ")[0];
    this.counts.faults++;
    this.counts.byHow[how] = (this.counts.byHow[how] || 0) + 1;
    const number = p.faults.length;
    p.faults.push({ page: address, how, number, line });
    const pendingKey = `${name} ${address}`;
    const frame = this.pending.has(pendingKey) ? this.pending.get(pendingKey) : null;
    this.pending.delete(pendingKey);
    if (how === "killed") return "fault";
    page.history.push(line);
    if (page.fault === null) {
      page.fault = line;
      page.faultNumber = number;
    }
    const write = access === "write";
    if (how === "swap-in") {
      this.counts.swapUsed--;
      page.slot = null;
    }
    const file = resolution.match(/^file (\S+)\+0x([0-9a-f]+)/);
    const key = file && objectKey(file[1], parseInt(file[2], 16));
    this.detach(page);
    if (key && this.objects.has(key) && (frame === null || this.objects.get(key).frame === frame)) {
      // The file's one cached copy, however many map it.
      const o = this.objects.get(key);
      o.mappers.add(page);
      page.object = key;
      page.frame = o.frame;
    } else if (frame !== null) page.frame = frame;
    page.dirty = write || how === "copy-on-write" || (page.dirty && how !== "swap-in" && page.state !== "untouched");
    page.state = page.dirty ? "dirty" : "resident";
    page.lastFault = line;
    return "fault";
  }

  evictToSwap(name, address, slot) {
    const p = this.live.get(name);
    const page = p && p.page(address);
    this.counts.evictions++;
    this.counts.toSwap++;
    this.counts.swapUsed++;
    this.counts.swapPeak = Math.max(this.counts.swapPeak, this.counts.swapUsed);
    if (page) {
      page.state = "swapped";
      page.slot = slot;
      page.frame = null;
      page.dirty = false;
      page.history.push(`evict ${name} 0x${hex8(address)} -> swap slot ${slot}`);
    }
    return "evict";
  }

  evictDrop(name, address, what) {
    const p = this.live.get(name);
    const page = p && p.page(address);
    this.counts.evictions++;
    this.counts.dropped++;
    if (page) {
      page.state = "untouched";
      page.frame = null;
      page.dirty = false;
      page.history.push(`evicted: clean ${what} page dropped`);
    }
    return "evict";
  }

  evictObject(key, what) {
    const o = this.objects.get(key);
    this.counts.evictions++;
    if (what.startsWith("written back")) this.counts.writtenBack++;
    else this.counts.dropped++;
    if (o)
      for (const page of o.mappers) {
        page.state = "untouched";
        page.frame = null;
        page.object = null;
        page.dirty = false;
        page.history.push(`evicted: ${key} ${what}`);
      }
    this.objects.delete(key);
    return "evict";
  }

  dumpRegion(p, m) {
    const start = parseInt(m[2], 16);
    const end = parseInt(m[3], 16);
    let region = p.regions.find((r) => r.start === start);
    if (!region) {
      region = { start, end, mode: m[4], offset: parseInt(m[5], 16), kind: m[6], label: m[7] };
      p.regions.push(region);
    }
    region.end = end;
    region.dumped = true;
    return "dump";
  }

  dumpPages(p, m) {
    const start = parseInt(m[2], 16);
    [...m[3]].forEach((c, i) => {
      const page = p.page(start + i * PAGE);
      page.dumpState = DUMP_STATES[c] || "unknown";
      page.sharedAtExit = page.object !== null || c === "r" || c === "s";
    });
    return "dump";
  }

  /** The state a page's cell shows: the dump's once it is read, else the
      trace's. */
  static shownState(page) {
    return page ? page.dumpState || page.state : "untouched";
  }

  /** How many pages of live processes map each object frame (the sharers). */
  sharers(key) {
    const o = this.objects.get(key);
    return o ? o.mappers.size : 0;
  }
}

export const PAGE_SIZE = PAGE;
