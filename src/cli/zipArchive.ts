import { unzipSync } from "fflate";

/**
 * The files inside a zip (an .xlsx package), by lower-case name (package part names are
 * case-insensitive), each inflated only when asked for.
 */
export type ZipEntries = Map<string, () => Buffer>;

/**
 * Lists a zip's files and inflates each one only when it is read, with fflate (a maintained zip
 * library): a register's package holds parts we never read (themes, printer settings, images).
 * @throws Error with a plain reason when the bytes are not a zip or a part cannot be inflated
 * @example readZip(fs.readFileSync("register.xlsx")).get("xl/workbook.xml")?.().toString("utf8")
 */
export function readZip(bytes: Buffer): ZipEntries {
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  try {
    // The filter sees every entry of the central directory; refusing them all lists without inflating.
    unzipSync(data, {
      filter: (file) => {
        if (!file.name.endsWith("/")) names.push(file.name);
        return false;
      },
    });
  } catch (error) {
    throw new Error(`it is not a zip package (${plainReason(error)})`);
  }
  const entries: ZipEntries = new Map();
  for (const name of names) {
    entries.set(name.toLowerCase(), () => {
      try {
        const part = unzipSync(data, { filter: (file) => file.name === name })[name];
        return Buffer.from(part.buffer, part.byteOffset, part.byteLength);
      } catch (error) {
        throw new Error(`its part ${name} could not be read (${plainReason(error)})`);
      }
    });
  }
  return entries;
}

const plainReason = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
