import { contractCard } from "../../src/features/contractCard";
import { readPaneData } from "../../src/features/paneData";
import { contractAtSelection, followSelection } from "../../src/features/selectionFollowing";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { REGISTER, buildTracker } from "./paneTracker";

async function tracker(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await buildTracker(book);
  return book;
}

/** Lets the memory workbook's listeners hear of the changes so far. */
const delivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("the contract card follows the selected row", () => {
  test("a selected cell's contract is its place in the Contracts table's body; off the table, none", async () => {
    const book = await tracker();
    const { contractsTable } = await readPaneData(book);
    // The header is on sheet row 3 (0-based 2): C-001 on 0-based row 3, C-010 on row 12.
    expect(await contractAtSelection(book, contractsTable, "Register", 3)).toBe(0);
    expect(await contractAtSelection(book, contractsTable, "register", 12, 4)).toBe(9);
    expect(await contractAtSelection(book, contractsTable, "Register", 2)).toBeNull(); // the header
    expect(await contractAtSelection(book, contractsTable, "Register", 13)).toBeNull(); // below it
    expect(await contractAtSelection(book, contractsTable, "Register", 5, 40)).toBeNull(); // right of it
    expect(await contractAtSelection(book, contractsTable, "Settings", 3)).toBeNull();
    // by name, the table is read first
    expect(await contractAtSelection(book, "Contracts", "Register", 7)).toBe(4);
    expect(await contractAtSelection(book, "Missing", "Register", 7)).toBeNull();
  });

  test("the card's contract changes as the user moves through the rows, and stops following when told", async () => {
    const book = await tracker();
    const { data, tables, contractsTable } = await readPaneData(book);
    const shown: (string | null)[] = [];
    const stop = await followSelection(book, contractsTable, (bodyIndex) => shown.push(bodyIndex === null ? null : (contractCard(data, tables, bodyIndex)?.id ?? null)));
    book.select("Register", 4, 1); // C-002
    await delivered();
    book.select("Register", 4, 3, 1, 2); // still C-002: nothing new to show
    book.select("Register", 8, 0); // C-006
    await delivered();
    book.select("Register", 0, 0); // the title: no contract
    await delivered();
    await book.selectTableCell("Contracts", 9, "Ref"); // the pane selects C-010 itself
    await delivered();
    expect(shown).toEqual(["C-002", "C-006", null, "C-010"]);
    await stop();
    book.select("Register", 3, 0);
    await delivered();
    expect(shown).toHaveLength(4);
  });
});
