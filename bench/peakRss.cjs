// Preloaded (node -r) into a CLI run the bench times: on exit, the process's peak resident set
// (KB, as getrusage reports it) is written where PEAK_RSS_FILE says, for the table beside its time.
const fs = require("fs");
process.on("exit", () => {
  if (process.env.PEAK_RSS_FILE) fs.writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
