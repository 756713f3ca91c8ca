"""Writes test registers from JSON specs with openpyxl or xlsxwriter, and dumps workbooks as JSON
with openpyxl: an independent reader and writer for convert's lossless tests.

  python3 workbookSpec.py write < specs.json      (a list of specs; each names its file and writer)
  python3 workbookSpec.py dump FILE...            (prints one JSON object per file, in a list)
"""
import datetime
import json
import sys


def cell_value(cell):
    """A cell as [kind, value]: kinds s(text) n(number) b(boolean) e(error) f(formula)."""
    t = cell["t"]
    return t, cell.get("v"), cell.get("fmt"), cell.get("f"), cell.get("cached")


def write_openpyxl(spec):
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.workbook.defined_name import DefinedName
    wb = openpyxl.Workbook()
    first = True
    for sheet in spec["sheets"]:
        ws = wb.active if first else wb.create_sheet(sheet["name"])
        ws.title = sheet["name"]
        first = False
        for r, row in enumerate(sheet["rows"]):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                t, v, fmt, f, _ = cell_value(cell)
                target = ws.cell(r + 1, c + 1)
                target.value = f if t == "f" else v
                if fmt:
                    target.number_format = fmt
        for ref in sheet.get("merges", []):
            ws.merge_cells(ref)
        for note in sheet.get("notes", []):
            ws.cell(note["r"] + 1, note["c"] + 1).comment = Comment(note["text"], note["author"])
        for link in sheet.get("links", []):
            ws.cell(link["r"] + 1, link["c"] + 1).hyperlink = link["url"]
        for r in sheet.get("hiddenRows", []):
            ws.row_dimensions[r + 1].hidden = True
        for letters in sheet.get("hiddenColumns", []):
            ws.column_dimensions[letters].hidden = True
        if sheet.get("hidden"):
            ws.sheet_state = "hidden"
        if sheet.get("freeze"):
            ws.freeze_panes = sheet["freeze"]
        if sheet.get("conditionalFormat"):
            from openpyxl.formatting.rule import CellIsRule
            from openpyxl.styles import PatternFill
            ws.conditional_formatting.add(sheet["conditionalFormat"], CellIsRule(operator="lessThan", formula=["0"], fill=PatternFill(bgColor="FFC7CE", fill_type="solid")))
    for name in spec.get("names", []):
        names = wb.defined_names
        # openpyxl 3.0 keeps a list of names, 3.1 a dictionary of them.
        if hasattr(names, "append"):
            names.append(DefinedName(name["name"], attr_text=name["ref"]))
        else:
            names[name["name"]] = DefinedName(name["name"], attr_text=name["ref"])
    wb.save(spec["file"])


def spec_cell(sheet, ref):
    """The spec's cell at a reference such as A1 (None when blank)."""
    letters = "".join(ch for ch in ref if ch.isalpha())
    column = 0
    for ch in letters:
        column = column * 26 + ord(ch.upper()) - 64
    row = int(ref[len(letters):]) - 1
    rows = sheet["rows"]
    return rows[row][column - 1] if row < len(rows) and column - 1 < len(rows[row]) else None


def write_xlsxwriter(spec):
    import xlsxwriter
    wb = xlsxwriter.Workbook(spec["file"])
    formats = {}

    def fmt_of(code):
        if not code:
            return None
        if code not in formats:
            formats[code] = wb.add_format({"num_format": code})
        return formats[code]

    for sheet in spec["sheets"]:
        ws = wb.add_worksheet(sheet["name"])
        for r, row in enumerate(sheet["rows"]):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                t, v, fmt, f, cached = cell_value(cell)
                if t == "f":
                    ws.write_formula(r, c, f, fmt_of(fmt), cached if cached is not None else "")
                elif t == "s":
                    ws.write_string(r, c, v, fmt_of(fmt))
                elif t == "n":
                    ws.write_number(r, c, v, fmt_of(fmt))
                elif t == "b":
                    ws.write_boolean(r, c, v, fmt_of(fmt))
                elif t == "e":
                    ws.write_formula(r, c, "=NA()", None, v)
        for ref in sheet.get("merges", []):
            # merge_range writes the range's first cell again: with the value it holds.
            first = spec_cell(sheet, ref.split(":")[0])
            ws.merge_range(ref, first["v"] if first else None)
        for note in sheet.get("notes", []):
            ws.write_comment(note["r"], note["c"], note["text"], {"author": note["author"]})
        for link in sheet.get("links", []):
            # The cell keeps its own text (xlsxwriter would otherwise show the address).
            ws.write_url(link["r"], link["c"], link["url"], None, sheet["rows"][link["r"]][link["c"]]["v"])
        for r in sheet.get("hiddenRows", []):
            ws.set_row(r, None, None, {"hidden": True})
        for letters in sheet.get("hiddenColumns", []):
            ws.set_column("%s:%s" % (letters, letters), None, None, {"hidden": True})
        if sheet.get("hidden"):
            ws.hide()
        if sheet.get("freeze"):
            ws.freeze_panes(sheet["freeze"])
    for name in spec.get("names", []):
        wb.define_name(name["name"], "=" + name["ref"])
    wb.close()


def jsonable(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    return value


def dump(file):
    import openpyxl
    wb = openpyxl.load_workbook(file)
    cached = openpyxl.load_workbook(file, data_only=True)
    names = wb.defined_names
    pairs = [(d.name, d.attr_text) for d in names.definedName] if hasattr(names, "definedName") else [(n, d.attr_text) for n, d in names.items()]
    out = {"sheets": [], "names": sorted(pairs)}
    for ws in wb.worksheets:
        values = cached[ws.title]
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None or type(cell).__name__ == "MergedCell":
                    continue
                cells[cell.coordinate] = {
                    "value": jsonable(cell.value),
                    "type": cell.data_type,
                    "format": cell.number_format,
                    "cached": jsonable(values[cell.coordinate].value),
                }
        out["sheets"].append({
            "name": ws.title,
            "state": ws.sheet_state,
            "cells": cells,
            "merges": sorted(str(m) for m in ws.merged_cells.ranges),
            "notes": {c.coordinate: [c.comment.text, c.comment.author] for row in ws.iter_rows() for c in row if c.comment},
            "links": {c.coordinate: c.hyperlink.target for row in ws.iter_rows() for c in row if c.hyperlink and c.hyperlink.target},
            "hiddenRows": sorted(r for r, d in ws.row_dimensions.items() if d.hidden),
            "hiddenColumns": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
            "freeze": ws.freeze_panes,
        })
    return out


if __name__ == "__main__":
    if sys.argv[1] == "write":
        for spec in json.load(sys.stdin):
            (write_openpyxl if spec["writer"] == "openpyxl" else write_xlsxwriter)(spec)
    else:
        print(json.dumps([dump(f) for f in sys.argv[2:]]))
