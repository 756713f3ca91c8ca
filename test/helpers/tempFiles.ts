import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * A fresh temporary folder and a saver of numbered files in it, for tests that write registers
 * byte by byte and read them back as a user's file.
 * @example const save = tempFiles("ct-read-", "register"); readRegister(save(bytes, ".csv"))
 */
export function tempFiles(prefix: string, stem: string): (bytes: Buffer, extension: string) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let count = 0;
  return (bytes, extension) => {
    const file = path.join(dir, `${stem}${++count}${extension}`);
    fs.writeFileSync(file, bytes);
    return file;
  };
}
