// kestrel-v86: boots Kestrel's kernel in the v86 emulator, in a browser or in
// Node.js, with the machine the QEMU runner (utils/kestrel) gives it: the kernel
// loaded by multiboot with a command line, RAM, up to two IDE disks (hd0:0 and
// hd0:1), the console on COM1 and the diagnostic stream on COM2. The kernel ends
// a run by writing to the debug-exit port; v86 has no such device, so this
// module listens on the port itself and reports how the run ended in the
// runner's own exit statuses.

// The runner's exit statuses (utils/kestrel), for the ways a v86 run can end.
export const STATUS = Object.freeze({
  POWEROFF: 0, // the kernel wrote EXIT_POWER_OFF
  FAILURE: 1, // the emulator could not start, or an unknown exit value
  PANIC: 2, // the kernel wrote EXIT_PANIC
  RESET: 3, // the machine reset (a triple fault): the kernel booted again
  TIMEOUT: 4, // the caller's time limit ran out
  STOPPED: 130, // the caller stopped the run
});

// devices/shutdown.c writes these to the debug-exit port.
const DEBUG_EXIT_PORT = 0xf4;
const EXIT_POWER_OFF = 0x10;
const EXIT_PANIC = 0x11;
// A multiboot loader puts the kernel's path first on the command line, and
// Kestrel skips that word (threads/boot-info.c); v86 passes ours as it is.
const KERNEL_PATH = "kernel.elf";
// The kernel's first line: seen twice, the machine has reset.
const BOOT_BANNER = "Kestrel booting";
const MB = 1024 * 1024;

/** ARGS (an array of kernel arguments) as one command line, quoted the way the
    QEMU runner quotes them: an empty word or one with spaces in single quotes. */
export function commandLine(args) {
  return args.map((a) => (a === "" || /\s/.test(a) ? `'${a}'` : a)).join(" ");
}

/** v86 wants RAM in bytes, a whole number of megabytes it can map. */
function memoryBytes(megabytes) {
  if (!Number.isInteger(megabytes) || megabytes < 1)
    throw new Error(`RAM must be a whole number of MB, not ${megabytes}`);
  return megabytes * MB;
}

/**
 * Boots Kestrel. OPTIONS:
 *   V86        the emulator's constructor (from libv86)
 *   wasmPath   where v86.wasm is (a URL in a browser, a path in Node)
 *   kernel     the kernel ELF, an ArrayBuffer
 *   args       kernel arguments (an array, e.g. ["-q", "run", "alarm-single"])
 *   memoryMB   RAM (default 4, as the runner's)
 *   hda, hdb   disk images (ArrayBuffers, used in place) or undefined
 *   onConsole(text), onDiag(text)   called with the text of each stream as it
 *              arrives (any piece of a line)
 *   onEnd({status, reason})         called once, when the run ends
 * Returns a handle: emulator (the V86 object), input(text) (console input,
 * COM1), pause(), resume(), stop() (ends the run: STATUS.STOPPED), running().
 */
export function bootKestrel(options) {
  const { V86, wasmPath, kernel, args, memoryMB = 4, hda, hdb } = options;
  const onConsole = options.onConsole || (() => {});
  const onDiag = options.onDiag || (() => {});
  const onEnd = options.onEnd || (() => {});
  const decoders = [new TextDecoder(), new TextDecoder()];
  let ended = false;
  let paused = false;
  let consoleTail = ""; // the console since the last line end, to spot banners
  let banners = 0;

  const config = {
    wasm_path: wasmPath,
    multiboot: { buffer: kernel },
    cmdline: KERNEL_PATH + " " + commandLine(args),
    memory_size: memoryBytes(memoryMB),
    uart1: true, // COM2: the diagnostic stream
    autostart: false,
    disable_keyboard: true,
    disable_mouse: true,
    disable_speaker: true,
    acpi: false,
  };
  if (hda) config.hda = { buffer: hda };
  if (hdb) config.hdb = { buffer: hdb };
  const emulator = new V86(config);

  function end(status, reason) {
    if (ended) return;
    ended = true;
    // The emulator may be in the middle of an instruction that called us: stop
    // it from the event loop, not from inside.
    setTimeout(() => {
      emulator.stop();
      onEnd({ status, reason });
    }, 0);
  }

  function debugExit(value) {
    if (value === EXIT_POWER_OFF) end(STATUS.POWEROFF, "power-off");
    else if (value === EXIT_PANIC) end(STATUS.PANIC, "kernel panic");
    else end(STATUS.FAILURE, `debug-exit value 0x${value.toString(16)}`);
  }

  function consoleBytes(text) {
    // A second boot banner means the machine reset (QEMU's -no-reboot ends the
    // run there instead): report it as the runner does.
    consoleTail += text;
    const lines = consoleTail.split("\n");
    consoleTail = lines.pop();
    for (const line of lines.concat([consoleTail]))
      if (line.startsWith(BOOT_BANNER) && line.endsWith("...")) {
        banners++;
        consoleTail = "";
        if (banners > 1) {
          end(STATUS.RESET, "RESET");
          return false;
        }
      }
    return true;
  }

  emulator.add_listener("emulator-loaded", () => {
    const io = emulator.v86.cpu.io;
    io.register_write(
      DEBUG_EXIT_PORT,
      null,
      (v) => debugExit(v & 0xff),
      (v) => debugExit(v & 0xff),
      (v) => debugExit(v & 0xff),
    );
    if (!paused) emulator.run();
  });
  emulator.add_listener("serial0-output-byte", (byte) => {
    if (ended) return;
    const text = decoders[0].decode(new Uint8Array([byte]), { stream: true });
    if (text && consoleBytes(text)) onConsole(text);
  });
  emulator.add_listener("serial1-output-byte", (byte) => {
    if (ended) return;
    const text = decoders[1].decode(new Uint8Array([byte]), { stream: true });
    if (text) onDiag(text);
  });

  return {
    emulator,
    input(text) {
      emulator.serial0_send(text);
    },
    pause() {
      paused = true;
      if (emulator.is_running()) emulator.stop();
    },
    resume() {
      paused = false;
      if (!ended && emulator.v86 && !emulator.is_running()) emulator.run();
    },
    stop() {
      end(STATUS.STOPPED, "stopped");
    },
    timeout() {
      end(STATUS.TIMEOUT, "TIMEOUT");
    },
    running() {
      return !ended;
    },
  };
}
