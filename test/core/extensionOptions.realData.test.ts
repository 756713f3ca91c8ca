import * as path from "path";
import { parseExtensionOptions } from "../../src/core/extensionOptions";
import { readCsvRecords } from "../helpers/csv";

// FINALEXPIRY's option parsing on every distinct extension text of a real register (UK OCDS
// releases from Contracts Finder, Public Contracts Scotland and Sell2Wales).
const FILE = path.resolve(__dirname, "../../../shared/data/real/uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv");
const records = readCsvRecords(FILE);

describe.each([
  ["lot_renewal", 0.85],
  ["lot_options", 0],
])("%s", (column, floor) => {
  const values = [...new Set(records.map((r) => r[column]).filter((v) => v.trim() !== ""))];

  test("every value is parsed or reported unparseable, none crashing", () => {
    expect(values.length).toBeGreaterThan(10);
    let parsed = 0;
    const unparsed: string[] = [];
    for (const value of values) {
      const result = parseExtensionOptions(value);
      if (result.ok) {
        parsed++;
        expect(Number.isInteger(result.value.months) && result.value.months >= 0).toBe(true);
        expect(Number.isInteger(result.value.days) && result.value.days >= 0).toBe(true);
      } else {
        expect(result.error).toMatch(/^Extension options ".+" could not be read: /);
        unparsed.push(value.slice(0, 90));
      }
    }
    const rate = parsed / values.length;
    console.log(`${column}: ${parsed}/${values.length} distinct values parsed (${(rate * 100).toFixed(1)}%)\n  not read:\n    ${unparsed.join("\n    ")}`);
    expect(rate).toBeGreaterThanOrEqual(floor);
  });
});

// Values whose meaning a contract manager reads at once, with the extension they state.
test.each([
  ["Contract on 3+1+1 basis; Contract on 3+1+1 basis.", 24],
  ["2 separate one year extension options", 24],
  ["2 x 12 month extensions", 24],
  ["1 x 12 months", 12],
  ["6 months", 6],
  ["A further 1 + 1 years", 24],
  ["option to extend +1year + 1year", 24],
  ["Contract term is for initial 3 years with possibility of +1,+1 extension.", 24],
  ["36 month initial contract period with a 24 month extension option", 24],
  ["36 month contract with the option to extend for 1 period of 12 months.", 12],
  ["Aberdeen Harbour Board will include the option to extend this contract from 36 to 48 months", 12],
  ["Option to extend for up to 36 months in 12 month extensions; Option to extend up to 36 months in 12 month extensions", 36],
  ["There is an option to extend the Framework by up to 2 further years in 12-month increments.", 24],
  ["Option to extend for a further period of four years in two yearly increments (2 + 2 + 2)", 48],
  ["Initial contract duration 7 years with the option to extend for a further five years (3+1+1)", 60],
  ["The Authority is entitled at its sole discretion to extend the duration of the Framework Agreement by up to two (2) periods of twelve (12) months.", 24],
  ["The contract shall be for four [4] year with an option to extend for four [4] individual one [1] year periods, subject to satisfactory performance and mutual agreement.", 48],
  ["The contract has a duration of 12 months with the option of two 6 months extensions at the council sole discretion.", 12],
  ["Optional 7 x 12 month extensions for recurring annual costs associated with licensing, support and maintenance. Maximum total contract length of 10 years.", 84],
  ["Potential two year extension at the end of the initial three year term", 24],
  ["An extension of one year plus one year (a total of two years) is available", 24],
  ["PERIOD OF 3 YEARS FROM 7th OCTOBER 2025 (COMMENCEMENT DATE) WITH A FURTHER OPTION TO EXTEND FOR 2 + 1 YEARSrn POTENTIAL END DATE: 6th OCTOBER 2031", 36],
  ["The contract is anticipated to commence on the 1st June 2025 and will run for a period of three years, with the option to extend for a further year if considered appropriate.", 12],
  ["We anticipate the contract to be for a period of 3 years with the option to extend for 2 further periods, each of 12 months, subject to satisfactory performance and mutual agreement.", 24],
])("%s → %i months", (text, months) => {
  expect(parseExtensionOptions(text)).toEqual({ ok: true, value: { months, days: 0 } });
});

test.each([
  "Contract will be renewed at end of contract period; Please see details in tender document",
  "August 2023",
  "Potential renewal in 4 years",
  "The Framework Agreement is likely to be renewed every 4 years.; The Framework is likely to renewed every four years.",
  "The DPS will remain live for a minimum of 4 years but may be extended further.",
  "24",
])("%s states no extension length and is reported, not guessed", (text) => {
  const result = parseExtensionOptions(text);
  expect(result.ok).toBe(false);
});
