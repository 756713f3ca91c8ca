/** Browser tests: the built dist/ in Debian's headless Chromium (run `npm run build` first). */
const base = require("./jest.config");
module.exports = { ...base, roots: ["<rootDir>/test/e2e"], testMatch: ["**/*.e2e.test.ts"], testPathIgnorePatterns: ["/node_modules/"], setupFiles: [] };
