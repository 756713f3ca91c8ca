// Preloaded (`node -r`) into a benchmarked process: at exit, its peak resident memory in KB on fd 3.
process.on("exit", () => {
  try {
    require("fs").writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // No fd 3: not run by the bench.
  }
});
