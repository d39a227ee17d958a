#pragma once

#include "data/ClipboardFormat.h"

class QTableView;

namespace strata {

class TableModel;

// Copying the grid's selected cells out and pasting text into staged edits.
namespace GridClipboard {

enum class Format { Tsv, Csv, Json, SqlInsert };

// The selection's bounding rectangle (columns in the order shown), loaded rows only;
// *skipped gets the number of selected rows that were not loaded.
CellBlock selection(const QTableView &view, const TableModel &model, int *skipped = nullptr);
QString text(const CellBlock &block, Format format);
// Tab-separated text into the cells from the current one rightwards and down, as staged
// edits; cells that cannot be edited are left alone. Returns the number of cells set. An empty
// pasted cell is NULL, except in text columns, where it is the empty string.
int paste(const QString &text, QTableView &view, TableModel &model);

} // namespace GridClipboard

} // namespace strata
