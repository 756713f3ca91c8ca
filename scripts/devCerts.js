// Development certificates for https://localhost:3000. Where the OS lets office-addin-dev-certs
// install its CA (Windows, macOS) it does; elsewhere (Linux, CI, no sudo) the generated files are
// read directly, so the dev server still serves https.
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

async function httpsOptions() {
  if (process.platform === "win32" || process.platform === "darwin") {
    try {
      return await devCerts.getHttpsServerOptions();
    } catch (error) {
      console.warn(`Could not install the development CA (${error.message}); using the certificate files directly.`);
    }
  }
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (!files.every((file) => fs.existsSync(file))) {
    await devCerts.generateCertificates(...files, defaults.daysUntilCertificateExpires, defaults.domain);
  }
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

module.exports = { httpsOptions, caCertificatePath: defaults.caCertificatePath };
