"""The yardstick for convert: Python's xlsxwriter writing the same CSV rows to an .xlsx in its
constant-memory mode (a row at a time, as convert streams). Prints its peak RSS in KB."""
import csv
import resource
import sys

import xlsxwriter

source, out = sys.argv[1], sys.argv[2]
book = xlsxwriter.Workbook(out, {"constant_memory": True})
sheet = book.add_worksheet()
with open(source, newline="", encoding="utf-8") as f:
    for r, row in enumerate(csv.reader(f)):
        sheet.write_row(r, 0, row)
book.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
