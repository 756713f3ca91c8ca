/** Following one table's changes through the workbook's table events (ExcelApi 1.7). */

/** Runs a batch in Excel with a message for its failure; in the context of an earlier batch when given one. */
export type Batch = <T>(doing: string, work: (context: Excel.RequestContext) => Promise<T>, inContext?: Excel.RequestContext) => Promise<T>;

async function tableId(context: Excel.RequestContext, table: string): Promise<string | null> {
  const found = context.workbook.tables.getItemOrNullObject(table);
  found.load("id");
  await context.sync();
  return found.isNullObject ? null : found.id;
}

/**
 * Calls the listener after the cells of the named table change and after a table of that name is
 * added. Excel's TableCollection events tell a table's id, not its name, so the id is looked up when
 * following starts and again when a table is added (set-up makes Settings then; a user may delete
 * it and make another). One trip registers both handlers; stopping removes them in the context
 * that added them, as Excel requires.
 */
export async function followTableChanges(batch: Batch, table: string, listener: () => void): Promise<() => Promise<void>> {
  let listening = true;
  let watched: string | null = null;
  const changed = async (args: Excel.TableChangedEventArgs): Promise<void> => {
    if (listening && watched !== null && args.tableId === watched) listener();
  };
  const added = async (args: Excel.TableAddedEventArgs): Promise<void> => {
    if (!listening) return;
    // The table is looked up by name in a batch of its own: the event says only which id was added.
    const id = await batch(`Could not find the table "${table}"`, (context) => tableId(context, table));
    watched = id;
    if (listening && id !== null && id === args.tableId) listener();
  };
  const registration = await batch(`Could not follow changes to the table "${table}"`, async (context) => {
    const tables = context.workbook.tables;
    const found = tables.getItemOrNullObject(table);
    found.load("id");
    const onChanged = tables.onChanged.add(changed);
    const onAdded = tables.onAdded.add(added);
    await context.sync();
    watched = found.isNullObject ? null : found.id;
    return { onChanged, onAdded, context };
  });
  return async () => {
    if (!listening) return;
    listening = false;
    await batch(
      `Could not stop following the table "${table}"`,
      async (context) => {
        registration.onChanged.remove();
        registration.onAdded.remove();
        await context.sync();
      },
      registration.context,
    );
  };
}
